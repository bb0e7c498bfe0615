package dev.bespoke.server.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.memory.MemoryProfileStore;
import dev.bespoke.server.profile.testsupport.MutableClock;
import dev.bespoke.server.profile.testsupport.Updates;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemoryProfileStoreTest extends ProfileStoreContract {

  private final MutableClock clock = new MutableClock(T0);

  @Override
  protected ProfileStore newStore(ProfileSettings settings) {
    return new MemoryProfileStore(settings, clock);
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }

  @DisplayName("a read or write asked for on a Vert.x event loop runs on a worker thread instead")
  @Test
  void profileWorkStaysOffTheEventLoop() throws Exception {
    MemoryProfileStore memory = new MemoryProfileStore(ProfileSettings.DEFAULTS, clock);
    ProfileKey v = newVisitor();
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<Boolean> wroteOnLoop = new CompletableFuture<>();
      CompletableFuture<Boolean> readOnLoop = new CompletableFuture<>();
      vertx
          .getOrCreateContext()
          .runOnContext(
              () ->
                  memory
                      .apply(v, Updates.pageview(T0, "shoes"))
                      .invoke(outcome -> wroteOnLoop.complete(Context.isOnEventLoopThread()))
                      .flatMap(outcome -> memory.read(v))
                      .subscribe()
                      .with(
                          lookup -> readOnLoop.complete(Context.isOnEventLoopThread()),
                          readOnLoop::completeExceptionally));
      assertThat(wroteOnLoop.get(5, TimeUnit.SECONDS)).as("write on the event loop").isFalse();
      assertThat(readOnLoop.get(5, TimeUnit.SECONDS)).as("read on the event loop").isFalse();
    } finally {
      vertx.closeAndAwait();
    }
  }

  @Test
  void theSweepRemovesExpiredProfilesAndTombstones() {
    MemoryProfileStore memory = new MemoryProfileStore(ProfileSettings.DEFAULTS, clock);
    ProfileKey kept = newVisitor();
    ProfileKey erased = newVisitor();
    memory.apply(kept, Updates.pageview(T0, "shoes")).await().indefinitely();
    memory.apply(erased, Updates.pageview(T0, "shoes")).await().indefinitely();
    memory.erase(erased).await().indefinitely();
    clock.advance(Duration.ofDays(45));
    memory.apply(kept, Updates.pageview(T0, "shoes")).await().indefinitely();

    clock.advance(Duration.ofDays(46));
    assertThat(memory.sweep()).as("the tombstone went").isEqualTo(1);
    assertThat(memory.size()).isEqualTo(1);

    clock.advance(Duration.ofDays(45));
    memory.sweep();
    assertThat(memory.size()).isZero();
  }
}
