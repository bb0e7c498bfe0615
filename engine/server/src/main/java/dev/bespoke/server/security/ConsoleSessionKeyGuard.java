package dev.bespoke.server.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a production start without the key that encrypts console sessions. Without it Quarkus
 * makes up a key per process: sessions then die with every restart, never pass between nodes, and
 * the made-up key would have been written to the log. The demo, development and tests make one up
 * on purpose (and the log stays quiet about it, see application.properties).
 */
@ApplicationScoped
public class ConsoleSessionKeyGuard {

  static final String KEY = "quarkus.http.auth.session.encryption-key";

  /** Quarkus derives the cookie cipher's key from this many characters or more. */
  static final int MIN_LENGTH = 16;

  private static final Set<String> MADE_UP_KEY_PROFILES = Set.of("demo", "dev", "test");

  void onStart(@Observes StartupEvent event, @ConfigProperty(name = KEY) Optional<String> key) {
    check(ConfigUtils.getProfiles(), key);
  }

  static void check(List<String> profiles, Optional<String> key) {
    if (profiles.stream().anyMatch(MADE_UP_KEY_PROFILES::contains)) {
      return;
    }
    String value = key.map(String::strip).orElse("");
    if (value.isEmpty()) {
      throw new IllegalStateException(
          KEY
              + " is not set: console sessions need a key of at least "
              + MIN_LENGTH
              + " characters, the same on every node (environment variable"
              + " QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY); Bespoke does not start without it");
    }
    if (value.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          KEY + " must be at least " + MIN_LENGTH + " characters long; Bespoke does not start");
    }
  }
}
