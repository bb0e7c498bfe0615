package dev.bespoke.server.context.visitor;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The default key source: a random 32-byte key in a file next to the embedded database ({@code
 * ./data/cookie-secret}), readable by the owner only. A deployment that keeps its data elsewhere
 * replaces this bean with its own {@link CookieSecretSource}.
 *
 * <p>The file is written under a temporary name and linked into place without replacing, so two
 * processes starting at once end up with one key: the loser of the race reads the winner's file.
 */
@ApplicationScoped
@DefaultBean
public class FileCookieSecretSource implements CookieSecretSource {

  static final int KEY_BYTES = 32;
  private static final Logger LOG = Logger.getLogger(FileCookieSecretSource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;

  @Inject
  public FileCookieSecretSource(CookieConfig config) {
    this(config.secretFile());
  }

  FileCookieSecretSource(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  @Override
  public synchronized byte[] secret() {
    try {
      if (!Files.exists(file)) {
        create();
      }
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the cookie secret at " + file, e);
    }
  }

  private byte[] read() throws IOException {
    byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
    if (key.length < KEY_BYTES) {
      throw new IOException("the cookie secret in " + file + " is shorter than 32 bytes");
    }
    if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      LOG.warnf("%s is readable by others than its owner; chmod 600 it", file);
    }
    return key;
  }

  private void create() throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path temp =
        isPosix()
            ? Files.createTempFile(file.getParent(), ".cookie-secret", ".tmp", ownerOnly())
            : Files.createTempFile(file.getParent(), ".cookie-secret", ".tmp");
    try {
      Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
      publish(temp);
      LOG.infof("Generated a new visitor-id signing key in %s", file);
    } catch (FileAlreadyExistsException e) {
      LOG.debug("Another process created the cookie secret first; using theirs");
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Puts the finished file in place only if none exists. A rename would silently replace a key
   * another process just wrote; a hard link fails instead. Where links are unsupported a plain move
   * (which also refuses an existing target, if less atomically) is the fallback.
   */
  private void publish(Path temp) throws IOException {
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temp, file);
    }
  }

  private boolean isPosix() {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }
}
