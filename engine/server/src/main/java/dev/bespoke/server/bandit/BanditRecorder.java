package dev.bespoke.server.bandit;

import dev.bespoke.core.decision.Strategy;
import dev.bespoke.server.delivery.DecisionTokens;
import dev.bespoke.server.delivery.DecisionTokens.DecisionToken;
import dev.bespoke.server.events.EventType;
import dev.bespoke.server.events.ExperimentEvent;
import dev.bespoke.server.events.ExperimentEventSink;
import dev.bespoke.server.experiment.ExperimentConfig;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.jboss.logging.Logger;

/**
 * Feeds bandit slots: a trial for each served bandit decision, a reward for the first click or
 * conversion that names the decision's id, at least {@code bespoke.experiments.min-time-to-convert}
 * after the decision and within the reward window — the same attribution rule experiments count
 * conversions by, so a script minting decisions and rewarding them at once teaches the bandit
 * nothing. Only visitors whose consent allows counting are counted, on both sides, so the rates
 * compare like with like. Counting is fire-and-forget: a bandit that misses a count while Redis is
 * away learns a little slower, and no answer waits for it.
 */
@ApplicationScoped
public class BanditRecorder implements ExperimentEventSink {

  private static final Logger LOG = Logger.getLogger(BanditRecorder.class);

  private final BanditCounters counters;
  private final DecisionTokens tokens;
  private final SnapshotRegistry snapshots;
  private final Duration rewardWindow;
  private final Duration minTimeToConvert;

  public BanditRecorder(
      BanditCounters counters,
      DecisionTokens tokens,
      SnapshotRegistry snapshots,
      BanditConfig config,
      ExperimentConfig experiments) {
    this.counters = counters;
    this.tokens = tokens;
    this.snapshots = snapshots;
    this.rewardWindow = config.rewardWindow();
    this.minTimeToConvert = experiments.minTimeToConvert();
  }

  /** A bandit slot served {@code variant} to a visitor in {@code context}. */
  public void served(String space, String slot, String context, String variant) {
    counters
        .trial(new BanditKey(space, slot), context, variant)
        .subscribe()
        .with(ok -> {}, e -> LOG.debugf("bandit trial not counted: %s", e.getMessage()));
  }

  @Override
  public void accept(ExperimentEvent event) {
    reward(event).subscribe().with(ok -> {}, e -> {});
  }

  @Override
  public Uni<Void> acceptAll(List<ExperimentEvent> events) {
    for (ExperimentEvent event : events) {
      accept(event);
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> reward(ExperimentEvent event) {
    EventType type = event.event().type();
    if ((type != EventType.CLICK && type != EventType.CONVERSION)
        || !event.analyticsAllowed()
        || event.event().decisionId() == null
        || event.visitorId().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String digest = DecisionTokens.visitorDigest(event.visitorId().get());
    Optional<DecisionToken> token =
        tokens
            .read(event.event().decisionId())
            .filter(t -> t.space().equals(event.space()) && t.banditContext() != null)
            .filter(t -> t.visitorDigest().equals(digest))
            .filter(t -> !t.at().plus(rewardWindow).isBefore(event.at()))
            .filter(t -> !earliestReward(t).isAfter(event.at()))
            .filter(this::stillABandit);
    if (token.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    DecisionToken t = token.get();
    String once =
        HexFormat.of()
            .formatHex(
                DigestUtils.sha256(event.event().decisionId().getBytes(StandardCharsets.UTF_8)),
                0,
                12);
    return counters
        .reward(
            new BanditKey(t.space(), t.slot()), t.banditContext(), t.variant(), once, rewardWindow)
        .replaceWithVoid();
  }

  /**
   * A decision id carries its time in whole seconds, rounded down; one second more keeps the
   * minimum delay from ever being shorter than configured.
   */
  private Instant earliestReward(DecisionToken token) {
    return minTimeToConvert.isZero()
        ? token.at()
        : token.at().plus(minTimeToConvert).plusSeconds(1);
  }

  private boolean stillABandit(DecisionToken token) {
    return snapshots
        .get(token.space())
        .flatMap(s -> s.slot(token.slot()))
        .map(slot -> slot.rule().strategy() == Strategy.BANDIT)
        .orElse(false);
  }
}
