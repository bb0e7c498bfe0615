package dev.bespoke.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The users allowed into the admin API and console, and their password check. */
@ApplicationScoped
public class UserDirectory {

  /** The demo accounts of the embedded profile; never accepted by the prod profile. */
  static final Map<String, String> DEMO_PASSWORDS =
      Map.of("editor", "editor", "publisher", "publisher", "admin", "admin");

  private static final Map<String, String> DEMO_HASHES =
      Map.of(
          "editor", "$2a$10$uBaugQfH34PmFz13Sgtel.M08GlPO2jZ4ABEUX4eymvgYp1gh4CdK",
          "publisher", "$2a$10$n/uwwDYaYwbjn2.1H1U5QeA70QhDvR5R/xNcY4U8HiObAxs5cbWEC",
          "admin", "$2a$10$EzEm0NJbuHABBWjSEWF6Ru24FQwpYmwJQa/qyJQZFA0rAlf8.EHWW");

  private final Map<String, Account> accounts;

  /**
   * bcrypt is slow on purpose (about 50 ms a check); an API client sends its credentials on every
   * request, so a successful check is remembered by a digest of user and password.
   */
  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

  public UserDirectory(SecurityConfig config) {
    Map<String, Account> all = new HashMap<>();
    if (config.demoUsers()) {
      DEMO_HASHES.forEach((name, hash) -> all.put(name, new Account(name, hash, Role.parse(name))));
    }
    config
        .users()
        .forEach(
            (name, user) ->
                all.put(name, new Account(name, user.passwordHash(), Role.parse(user.role()))));
    this.accounts = Map.copyOf(all);
  }

  /** The account if the password is right. */
  public Optional<Account> authenticate(String name, char[] password) {
    Account account = accounts.get(name);
    if (account == null) {
      return Optional.empty();
    }
    String cacheKey = digest(name, password);
    if (verified.containsKey(cacheKey)
        || PasswordHashes.matches(account.passwordHash(), password)) {
      verified.put(cacheKey, Boolean.TRUE);
      return Optional.of(account);
    }
    return Optional.empty();
  }

  /**
   * The account of a user already authenticated (the console's session cookie names them), so a
   * user removed from the configuration loses access at their next request.
   */
  public Optional<Account> find(String name) {
    return Optional.ofNullable(accounts.get(name));
  }

  /** Names of configured accounts whose password is a demo password. */
  public Optional<String> accountWithDemoPassword() {
    return accounts.values().stream()
        .filter(
            a ->
                DEMO_PASSWORDS.values().stream()
                    .anyMatch(p -> PasswordHashes.matches(a.passwordHash(), p.toCharArray())))
        .map(Account::name)
        .findFirst();
  }

  private static String digest(String name, char[] password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** A configured user. */
  public record Account(String name, String passwordHash, Role role) {}
}
