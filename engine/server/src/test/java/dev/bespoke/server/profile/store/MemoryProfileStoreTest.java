package dev.bespoke.server.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.store.memory.MemoryProfileStore;
import dev.bespoke.server.profile.testsupport.MutableClock;
import dev.bespoke.server.profile.testsupport.Updates;
import java.time.Duration;
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
