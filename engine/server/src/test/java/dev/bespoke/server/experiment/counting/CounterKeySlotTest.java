package dev.bespoke.server.experiment.counting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.testsupport.RedisSlots;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counter scripts name all three keys of a run: in Redis Cluster they must share a slot. */
class CounterKeySlotTest {

  @Test
  void theKeysOfOneExperimentRunShareOneSlot() {
    CounterKey key = CounterKey.of("default", "hero-test", Instant.parse("2026-11-01T09:00:00Z"));
    int slot = RedisSlots.of(RedisExperimentCounters.units(key));
    assertThat(RedisSlots.of(RedisExperimentCounters.converted(key))).isEqualTo(slot);
    assertThat(RedisSlots.of(RedisExperimentCounters.counters(key))).isEqualTo(slot);
  }
}
