package dev.bespoke.server.bandit;

import dev.bespoke.core.decision.BanditEvidence;
import dev.bespoke.core.decision.Strategy;
import dev.bespoke.core.stats.BanditArm;
import dev.bespoke.server.snapshot.PublishedSlot;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The evidence bandit decisions read: a copy of the shared counts, refreshed in the background
 * every {@code bespoke.bandit.refresh-interval}, so a decision never waits on Redis for it.
 * Evidence a few seconds old changes the odds by a few trials at most; a fault while refreshing
 * keeps the last copy (and an empty copy simply explores).
 */
@ApplicationScoped
public class BanditBoard {

  private static final Logger LOG = Logger.getLogger(BanditBoard.class);
  private static final Duration READ_BUDGET = Duration.ofSeconds(2);

  private final BanditCounters counters;
  private final SnapshotRegistry snapshots;
  private final double explorationShare;
  private final Map<BanditKey, Map<String, Long>> copies = new ConcurrentHashMap<>();

  public BanditBoard(BanditCounters counters, SnapshotRegistry snapshots, BanditConfig config) {
    this.counters = counters;
    this.snapshots = snapshots;
    this.explorationShare = config.explorationShare();
  }

  /** The evidence of one space's bandit slots, as of the last refresh. */
  public BanditEvidence evidence(String space) {
    return new BanditEvidence() {
      @Override
      public BanditArm arm(String slot, String context, String variant) {
        Map<String, Long> counts = copies.getOrDefault(new BanditKey(space, slot), Map.of());
        long trials = counts.getOrDefault(BanditKey.trials(context, variant), 0L);
        long rewards = counts.getOrDefault(BanditKey.rewards(context, variant), 0L);
        // A reward can arrive on another node before its trial is copied here.
        return new BanditArm(variant, trials, Math.min(trials, rewards));
      }

      @Override
      public double explorationShare() {
        return explorationShare;
      }
    };
  }

  @Scheduled(
      every = "${bespoke.bandit.refresh-interval:PT5S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    for (String space : snapshots.spaces()) {
      snapshots.get(space).ifPresent(this::refresh);
    }
  }

  /** The counts as they are now in the store (not the copy), for editors. */
  public BanditStandings standings(String space, String slot) {
    Map<String, Long> fields =
        counters.read(new BanditKey(space, slot)).await().atMost(READ_BUDGET);
    return BanditStandings.of(slot, explorationShare, fields);
  }

  /** Copies the counts of every bandit slot of the snapshot now. */
  public void refresh(SpaceSnapshot snapshot) {
    for (String slotKey : snapshot.slotKeys()) {
      PublishedSlot slot = snapshot.slot(slotKey).orElseThrow();
      if (slot.rule().strategy() != Strategy.BANDIT) {
        continue;
      }
      BanditKey key = new BanditKey(snapshot.space(), slot.key());
      try {
        copies.put(key, counters.read(key).await().atMost(READ_BUDGET));
      } catch (RuntimeException e) {
        LOG.debugf("bandit evidence for %s not refreshed: %s", slot.key(), e.getMessage());
      }
    }
  }
}
