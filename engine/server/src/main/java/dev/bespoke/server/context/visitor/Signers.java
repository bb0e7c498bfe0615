package dev.bespoke.server.context.visitor;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hands out {@link Signer}s by purpose, all derived from one master key: {@code
 * bespoke.cookie.secret} when set, else the {@link CookieSecretSource}.
 *
 * <p>The key is read at start-up so a missing or unwritable key file stops the service with a clear
 * message instead of failing the first visitor's request.
 */
@ApplicationScoped
public class Signers {

  /** Tokens longer than this are refused by signers from {@link #forPurpose(String)}. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 512;

  private final Supplier<byte[]> keySource;
  private final Map<String, Signer> signers = new ConcurrentHashMap<>();
  private volatile byte[] masterKey;

  @Inject
  public Signers(CookieConfig config, Instance<CookieSecretSource> source) {
    this(() -> config.secret().map(Signers::configuredKey).orElseGet(() -> source.get().secret()));
  }

  Signers(Supplier<byte[]> keySource) {
    this.keySource = keySource;
  }

  /** Signers under a fixed master key of at least 32 bytes, for unit tests and tools. */
  public static Signers withKey(byte[] masterKey) {
    byte[] copy = masterKey.clone();
    return new Signers(() -> copy);
  }

  void onStart(@Observes StartupEvent event) {
    key();
  }

  /** The signer for {@code purpose}, e.g. {@code decision-id}. */
  public Signer forPurpose(String purpose) {
    return signers.computeIfAbsent(purpose, p -> Signer.create(key(), p, DEFAULT_MAX_TOKEN_LENGTH));
  }

  private byte[] key() {
    byte[] key = masterKey;
    if (key == null) {
      synchronized (this) {
        if (masterKey == null) {
          masterKey = keySource.get();
        }
        key = masterKey;
      }
    }
    return key;
  }

  static byte[] configuredKey(String secret) {
    if (secret.strip().length() < 32) {
      throw new IllegalStateException(
          "bespoke.cookie.secret must be at least 32 characters (try `openssl rand -base64 32`)");
    }
    return secret.strip().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Signers" + Arrays.toString(signers.keySet().toArray());
  }
}
