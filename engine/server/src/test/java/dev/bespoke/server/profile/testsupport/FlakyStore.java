package dev.bespoke.server.profile.testsupport;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.profile.store.ProfileLookup;
import dev.bespoke.server.profile.store.ProfileStore;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A store that works, fails at once, or never answers, as the test says; counts calls. */
public final class FlakyStore implements ProfileStore {

  /** How the store behaves now. */
  public enum Mode {
    UP,
    DOWN,
    HANGING
  }

  private final ProfileStore delegate;
  private volatile Mode mode = Mode.UP;
  private final AtomicInteger applies = new AtomicInteger();

  public FlakyStore(ProfileStore delegate) {
    this.delegate = delegate;
  }

  public void set(Mode mode) {
    this.mode = mode;
  }

  /** Write attempts that reached the store, whatever became of them. */
  public int applies() {
    return applies.get();
  }

  @Override
  public Uni<ProfileLookup> read(ProfileKey key) {
    return gate(() -> delegate.read(key));
  }

  @Override
  public Uni<WriteOutcome> apply(ProfileKey key, ProfileUpdate update) {
    applies.incrementAndGet();
    return gate(() -> delegate.apply(key, update));
  }

  @Override
  public Uni<Void> delete(ProfileKey key) {
    return gate(() -> delegate.delete(key));
  }

  @Override
  public Uni<Void> erase(ProfileKey key) {
    return gate(() -> delegate.erase(key));
  }

  @Override
  public Uni<Boolean> isErased(ProfileKey key) {
    return gate(() -> delegate.isErased(key));
  }

  @Override
  public Uni<Map<String, Object>> customerTraits(String space, String customerId) {
    return gate(() -> delegate.customerTraits(space, customerId));
  }

  @Override
  public Uni<Integer> replaceCustomerTraits(String space, List<CustomerTraits> customers) {
    return gate(() -> delegate.replaceCustomerTraits(space, customers));
  }

  @Override
  public String kind() {
    return "flaky";
  }

  private <T> Uni<T> gate(Supplier<Uni<T>> call) {
    return switch (mode) {
      case UP -> call.get();
      case DOWN -> Uni.createFrom().failure(new IllegalStateException("store down"));
      case HANGING -> Uni.createFrom().nothing();
    };
  }
}
