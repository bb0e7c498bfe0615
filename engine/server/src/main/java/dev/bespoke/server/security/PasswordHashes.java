package dev.bespoke.server.security;

import java.security.GeneralSecurityException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** Verifies bcrypt hashes with WildFly Elytron, the library Quarkus security already ships. */
final class PasswordHashes {

  private static final WildFlyElytronPasswordProvider PROVIDER =
      new WildFlyElytronPasswordProvider();

  private PasswordHashes() {}

  static boolean matches(String bcryptHash, char[] password) {
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
      Password stored = factory.translate(ModularCrypt.decode(bcryptHash));
      return factory.verify(stored, password);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A malformed hash in configuration never authenticates anyone.
      return false;
    }
  }
}
