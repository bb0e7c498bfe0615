package dev.bespoke.server.context.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCookieSecretSourceTest {

  @Test
  void generatesA32ByteKeyReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/cookie-secret");
    byte[] key = new FileCookieSecretSource(file).secret();
    assertThat(key).hasSize(32);
    assertThat(Files.exists(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void keepsTheKeyAcrossRestarts(@TempDir Path dir) {
    Path file = dir.resolve("cookie-secret");
    byte[] first = new FileCookieSecretSource(file).secret();
    byte[] again = new FileCookieSecretSource(file).secret();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void concurrentStartsAgreeOnOneKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cookie-secret");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<byte[]>> starts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        starts.add(() -> new FileCookieSecretSource(file).secret());
      }
      List<byte[]> keys = new ArrayList<>();
      for (Future<byte[]> f : pool.invokeAll(starts)) {
        keys.add(f.get());
      }
      byte[] onDisk = new FileCookieSecretSource(file).secret();
      assertThat(keys).allSatisfy(k -> assertThat(k).isEqualTo(onDisk));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAShortOrUnreadableKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cookie-secret");
    Files.writeString(file, "c2hvcnQ=");
    assertThatThrownBy(() -> new FileCookieSecretSource(file).secret())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cookie secret");
  }

  @Test
  void configuredSecretMustBeLongEnough() {
    assertThatThrownBy(() -> Signers.configuredKey("too-short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32");
    assertThat(Signers.configuredKey("0123456789abcdef0123456789abcdef")).hasSize(32);
  }
}
