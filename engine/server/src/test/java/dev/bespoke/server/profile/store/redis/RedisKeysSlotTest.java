package dev.bespoke.server.profile.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.testsupport.RedisSlots;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redis Cluster runs a script only if every key it names is in one slot: each subject's keys must
 * share a slot, and different visitors must not (one slot per space would put a whole site on one
 * shard). MultiNodeClusterIT runs the scripts on a real cluster.
 */
class RedisKeysSlotTest {

  @Test
  void theSlotIsComputedAsRedisClusterDoes() {
    // Answers of CLUSTER KEYSLOT on redis-server 7.0.
    assertThat(RedisSlots.of("somekey")).isEqualTo(11058);
    assertThat(RedisSlots.of("foo{hash_tag}")).isEqualTo(2515);
    assertThat(RedisSlots.of("bespoke:{default:v1.abc.def}:p")).isEqualTo(5556);
  }

  @Test
  void aVisitorsProfileAndTombstoneShareOneSlot() {
    for (String id : List.of("v1.Ihlf2HCChKmuWz3zSyDOIg.uaBYqpxVeN78-GrcjwRumg", "a", "x_y-z.0")) {
      ProfileKey key = ProfileKey.visitor("shop-eu", id);
      assertThat(RedisSlots.of(RedisKeys.tombstone(key)))
          .isEqualTo(RedisSlots.of(RedisKeys.profile(key)));
    }
  }

  @Test
  void aCustomersProfileTraitsAndTombstoneShareOneSlot() {
    for (String id : List.of("c-1001", "jane.doe+shop@example.com", "urn:crm:42", "Zoë")) {
      ProfileKey key = ProfileKey.customer("default", id);
      int slot = RedisSlots.of(RedisKeys.profile(key));
      assertThat(RedisSlots.of(RedisKeys.customerTraits(key))).isEqualTo(slot);
      assertThat(RedisSlots.of(RedisKeys.tombstone(key))).isEqualTo(slot);
      assertThat(RedisKeys.dataKeys(key)).allMatch(k -> RedisSlots.of(k) == slot);
    }
  }

  @Test
  void theVisitorsOfOneSpaceSpreadOverTheSlots() {
    Set<Integer> slots = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      slots.add(RedisSlots.of(RedisKeys.profile(ProfileKey.visitor("default", "v1.visitor" + i))));
    }
    // 2,000 ids drawn into 16,384 slots fill about 1,880 of them.
    assertThat(slots).hasSizeGreaterThan(1700);
  }
}
