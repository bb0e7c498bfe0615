package dev.bespoke.server.experiment.assign;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.Decision;
import dev.bespoke.core.decision.DecisionInput;
import dev.bespoke.core.decision.VariantRule;
import dev.bespoke.core.experiment.Assignment;
import dev.bespoke.core.experiment.Bucketing;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import dev.bespoke.core.experiment.ExposureMode;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentState;
import dev.bespoke.server.experiment.ExperimentConfig;
import dev.bespoke.server.experiment.counting.Exclusion;
import dev.bespoke.server.experiment.counting.ExperimentCounting;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.snapshot.PublishedSlot;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Puts visitors into the running experiment of a slot and serves their arm.
 *
 * <p>The arm is the one stored in the visitor's profile when there is one (sticky through traffic
 * changes and login merges), else the core's {@link Bucketing} of the visitor id — only while the
 * experiment's schedule admits newcomers, and for an A/B test only when at least one arm's variant
 * is eligible for the visitor. A holdout's {@code control} gets the slot's default, {@code
 * personalised} the normal decision; an A/B arm gets its variant. A decision that fell back because
 * of a fault is left alone: never an exposure, never an assignment.
 */
@ApplicationScoped
public class ExperimentAssigner {

  private static final Logger LOG = Logger.getLogger(ExperimentAssigner.class);

  private final ExperimentCounting counting;
  private final ProfileGateway profiles;
  private final Duration counterTimeout;

  public ExperimentAssigner(
      ExperimentCounting counting, ProfileGateway profiles, ExperimentConfig config) {
    this.counting = counting;
    this.profiles = profiles;
    this.counterTimeout = config.counterTimeout();
  }

  /**
   * The slot's decision with its experiment applied.
   *
   * @param fault whether the decision fell back because of a fault
   */
  public ArmDecision arrange(
      SpaceSnapshot snapshot,
      PublishedSlot slot,
      Decision decision,
      VisitorContext context,
      DecisionInput input,
      String visitorId,
      ProfileRead profile,
      boolean fault,
      Instant now) {
    Optional<RunningExperiment> running = snapshot.experimentOn(slot.key());
    if (fault || running.isEmpty() || visitorId == null) {
      return ArmDecision.none(decision);
    }
    RunningExperiment experiment = running.get();
    ExperimentSpec spec = experiment.spec();
    String stored =
        profile
            .profile()
            .map(p -> p.assignments().get(experiment.key()))
            .filter(arm -> spec.arm(arm).isPresent())
            .orElse(null);
    String arm = stored;
    if (arm == null) {
      if (!experiment.admitsAt(now) || !eligible(snapshot, experiment, context, input)) {
        return ArmDecision.none(decision);
      }
      Assignment assignment = Bucketing.assign(spec, visitorId);
      if (assignment.armKey().isEmpty()) {
        return ArmDecision.none(decision);
      }
      arm = assignment.armKey().get();
    }
    Decision served = serve(experiment, arm, slot, decision);
    return new ArmDecision(
        served, running, arm, spec.exposure() == ExposureMode.DECISION, stored != null);
  }

  /**
   * Records the exposures of one request's decisions and stores new assignments in the profile. The
   * answer waits for the counters at most {@code bespoke.experiments.counter-timeout}; never fails.
   *
   * @param consent the request's consent completed by the stored one: without analytics consent the
   *     visitor is counted as excluded, not exposed
   */
  public Uni<Void> record(
      SpaceSnapshot snapshot,
      ResolvedRequest resolved,
      Consent consent,
      Optional<ProfileKey> profileKey,
      List<ArmDecision> decisions) {
    boolean analytics = consent.allowsAnalytics(snapshot.consentRequired());
    List<Uni<Void>> counts = new ArrayList<>();
    for (ArmDecision d : decisions) {
      if (!d.inExperiment()) {
        continue;
      }
      RunningExperiment experiment = d.experiment().get();
      if (d.countAtDecision()) {
        counts.add(
            analytics
                ? counting
                    .expose(snapshot, experiment, resolved.visitorId(), d.arm())
                    .replaceWithVoid()
                : counting.exclude(snapshot, experiment, Exclusion.NO_ANALYTICS_CONSENT));
        if (!d.storedArm() && profileKey.isPresent()) {
          profiles.assign(
              profileKey.get(),
              experiment.key(),
              d.arm(),
              gate(snapshot, resolved),
              snapshot.zone());
        }
      }
    }
    if (counts.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join()
        .all(counts)
        .andCollectFailures()
        .replaceWithVoid()
        .ifNoItem()
        .after(counterTimeout)
        .recoverWithItem((Void) null)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.debugf("experiment exposures not counted: %s", failure.getMessage());
              return null;
            });
  }

  private static ConsentGate gate(SpaceSnapshot snapshot, ResolvedRequest resolved) {
    if (resolved.consent().personalization() == ConsentState.GRANTED) {
      return ConsentGate.NONE;
    }
    return snapshot.consentRequired() ? ConsentGate.GRANTED : ConsentGate.NOT_REFUSED;
  }

  private static boolean eligible(
      SpaceSnapshot snapshot,
      RunningExperiment experiment,
      VisitorContext context,
      DecisionInput input) {
    return experiment
        .eligibilityRule()
        .map(rule -> !snapshot.decider().decide(rule, context, withoutTrace(input)).usedDefault())
        .orElse(true);
  }

  private static DecisionInput withoutTrace(DecisionInput input) {
    return input.withTrace()
        ? new DecisionInput(
            input.channel(), input.locale(), input.stickinessId(), input.convertedGoals(), false)
        : input;
  }

  private static Decision serve(
      RunningExperiment experiment, String arm, PublishedSlot slot, Decision decision) {
    String prefix = "experiment " + experiment.key() + ", arm " + arm + ": ";
    if (experiment.spec().type() == ExperimentType.HOLDOUT) {
      if (arm.equals(ExperimentSpec.CONTROL)) {
        Optional<VariantRule> fallback = slot.rule().defaultVariant();
        return new Decision(
            decision.slot(),
            fallback,
            List.of(),
            prefix + "the slot's default (the holdout's control)",
            true,
            decision.trace());
      }
      return withReason(decision, prefix + decision.reason());
    }
    String variantKey = experiment.spec().arm(arm).orElseThrow().variantKey();
    Optional<VariantRule> variant = slot.rule().variant(variantKey);
    return new Decision(
        decision.slot(),
        variant,
        List.of(),
        prefix + "variant " + variantKey,
        variant.map(VariantRule::isDefault).orElse(true),
        decision.trace());
  }

  private static Decision withReason(Decision d, String reason) {
    return new Decision(
        d.slot(), d.variant(), d.matchedSegments(), reason, d.usedDefault(), d.trace());
  }
}
