package dev.bespoke.server.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Users of the admin API and console. */
@ConfigMapping(prefix = "bespoke.security")
public interface SecurityConfig {

  /** Adds the demo users editor/editor, publisher/publisher and admin/admin. */
  @WithDefault("false")
  boolean demoUsers();

  /** Configured users by name. */
  Map<String, User> users();

  /** One configured user. */
  interface User {
    /** bcrypt hash of the password (modular crypt form, {@code $2a$…}). */
    String passwordHash();

    /** editor, publisher or admin. */
    @WithDefault("editor")
    String role();
  }
}
