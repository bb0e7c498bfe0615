package dev.bespoke.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The console and admin API roles, in increasing power; each includes the ones before it. */
public enum Role {
  EDITOR,
  PUBLISHER,
  ADMIN;

  public static final String EDITOR_NAME = "editor";
  public static final String PUBLISHER_NAME = "publisher";
  public static final String ADMIN_NAME = "admin";

  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role names a user holding this role carries, so that {@code @RolesAllowed("editor")} admits
   * publishers and admins without listing them.
   */
  public Set<String> grantedRoleNames() {
    return Arrays.stream(values())
        .filter(r -> r.ordinal() <= ordinal())
        .map(Role::roleName)
        .collect(Collectors.toUnmodifiableSet());
  }

  public static Role parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
