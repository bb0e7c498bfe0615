package dev.bespoke.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory and the prod guard's check, without booting Quarkus. */
class UserDirectoryTest {

  /** bcrypt of "editor", cost 10. */
  private static final String EDITOR_HASH =
      "$2a$10$uBaugQfH34PmFz13Sgtel.M08GlPO2jZ4ABEUX4eymvgYp1gh4CdK";

  @Test
  void demoUsersAuthenticateOnlyWithTheirPassword() {
    UserDirectory users = new UserDirectory(config(true, Map.of()));
    assertThat(users.authenticate("publisher", "publisher".toCharArray()))
        .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.PUBLISHER));
    assertThat(users.authenticate("publisher", "editor".toCharArray())).isEmpty();
    assertThat(users.authenticate("nobody", "nobody".toCharArray())).isEmpty();
  }

  @Test
  void aConfiguredUserWithADemoPasswordIsFound() {
    // The hash below is bcrypt("editor"): exactly what the prod guard must catch.
    UserDirectory users = new UserDirectory(config(false, Map.of("alice", EDITOR_HASH)));
    assertThat(users.accountWithDemoPassword()).contains("alice");
  }

  @Test
  void aMalformedHashNeverAuthenticates() {
    UserDirectory users = new UserDirectory(config(false, Map.of("bob", "not-a-hash")));
    assertThat(users.authenticate("bob", "not-a-hash".toCharArray())).isEmpty();
    assertThat(users.accountWithDemoPassword()).isEmpty();
  }

  @Test
  void roleNamesAccumulate() {
    assertThat(Role.ADMIN.grantedRoleNames())
        .containsExactlyInAnyOrder("editor", "publisher", "admin");
    assertThat(Role.EDITOR.grantedRoleNames()).containsExactly("editor");
  }

  private static SecurityConfig config(boolean demo, Map<String, String> hashes) {
    Map<String, SecurityConfig.User> users =
        hashes.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        new SecurityConfig.User() {
                          @Override
                          public String passwordHash() {
                            return e.getValue();
                          }

                          @Override
                          public String role() {
                            return "admin";
                          }
                        }));
    return new SecurityConfig() {
      @Override
      public boolean demoUsers() {
        return demo;
      }

      @Override
      public Map<String, User> users() {
        return users;
      }
    };
  }
}
