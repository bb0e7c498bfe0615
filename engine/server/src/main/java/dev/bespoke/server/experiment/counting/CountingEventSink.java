package dev.bespoke.server.experiment.counting;

import dev.bespoke.core.experiment.ExposureMode;
import dev.bespoke.server.delivery.DecisionTokens;
import dev.bespoke.server.delivery.DecisionTokens.DecisionToken;
import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.ExperimentEvent;
import dev.bespoke.server.events.ExperimentEventSink;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.snapshot.RunningExperiment;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts impressions and conversions into the running experiments.
 *
 * <ul>
 *   <li>An {@code impression} whose decision id names an experiment with {@code exposure:
 *       impression} exposes the visitor in the arm the id names — only when the id was issued to
 *       this same visitor, so nobody can expose someone else or pick an arm.
 *   <li>A {@code conversion} on goal {@code g} counts once per exposed visitor in every running
 *       experiment of the space whose goal is {@code g}; a {@code click} counts as goal {@code
 *       click} in the experiment its decision id names.
 *   <li>Without analytics consent, or from a visitor never exposed, the event is left out and
 *       counted as excluded.
 * </ul>
 *
 * One request's events are counted one after the other, in order.
 */
@ApplicationScoped
public class CountingEventSink implements ExperimentEventSink {

  /** The goal a click counts as. */
  static final String CLICK_GOAL = "click";

  private final SnapshotRegistry snapshots;
  private final ExperimentCounting counting;
  private final DecisionTokens tokens;
  private final ProfileGateway profiles;

  public CountingEventSink(
      SnapshotRegistry snapshots,
      ExperimentCounting counting,
      DecisionTokens tokens,
      ProfileGateway profiles) {
    this.snapshots = snapshots;
    this.counting = counting;
    this.tokens = tokens;
    this.profiles = profiles;
  }

  @Override
  public void accept(ExperimentEvent event) {
    count(event).subscribe().with(ok -> {}, failure -> {});
  }

  @Override
  public Uni<Void> acceptAll(List<ExperimentEvent> events) {
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(this::count)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> count(ExperimentEvent event) {
    Optional<SpaceSnapshot> snapshot = snapshots.get(event.space());
    if (snapshot.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Event e = event.event();
    return switch (e.type()) {
      case IMPRESSION -> impression(snapshot.get(), event);
      case CONVERSION ->
          conversion(snapshot.get(), event, snapshot.get().experimentsWithGoal(e.goal()));
      case CLICK ->
          conversion(
              snapshot.get(),
              event,
              named(snapshot.get(), event)
                  .filter(t -> t.experiment().spec().goal().equals(CLICK_GOAL))
                  .map(t -> List.of(t.experiment()))
                  .orElse(List.of()));
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> impression(SpaceSnapshot snapshot, ExperimentEvent event) {
    Optional<Named> named =
        named(snapshot, event)
            .filter(n -> n.experiment().spec().exposure() == ExposureMode.IMPRESSION)
            .filter(n -> n.experiment().spec().arm(n.token().arm()).isPresent());
    if (named.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    RunningExperiment experiment = named.get().experiment();
    if (!event.analyticsAllowed()) {
      return counting.exclude(snapshot, experiment, Exclusion.NO_ANALYTICS_CONSENT);
    }
    String visitorId = event.visitorId().orElseThrow();
    String arm = named.get().token().arm();
    return counting
        .expose(snapshot, experiment, visitorId, arm)
        .invoke(exposure -> storeAssignment(snapshot, event, experiment, exposure))
        .replaceWithVoid();
  }

  private Uni<Void> conversion(
      SpaceSnapshot snapshot, ExperimentEvent event, List<RunningExperiment> experiments) {
    List<Uni<Void>> steps = new ArrayList<>(experiments.size());
    for (RunningExperiment experiment : experiments) {
      if (!event.analyticsAllowed()) {
        steps.add(counting.exclude(snapshot, experiment, Exclusion.NO_ANALYTICS_CONSENT));
      } else if (event.visitorId().isEmpty()) {
        steps.add(counting.exclude(snapshot, experiment, Exclusion.NOT_EXPOSED));
      } else {
        steps.add(
            counting.convert(snapshot, experiment, event.visitorId().get()).replaceWithVoid());
      }
    }
    return steps.isEmpty()
        ? Uni.createFrom().voidItem()
        : Uni.join().all(steps).andFailFast().replaceWithVoid();
  }

  /**
   * The running experiment the event's decision id names, if the id is ours, for this space and
   * issued to the visitor sending the event.
   */
  private Optional<Named> named(SpaceSnapshot snapshot, ExperimentEvent event) {
    if (event.event().decisionId() == null || event.visitorId().isEmpty()) {
      return Optional.empty();
    }
    String digest = DecisionTokens.visitorDigest(event.visitorId().get());
    return tokens
        .read(event.event().decisionId())
        .filter(t -> t.space().equals(event.space()) && t.experiment() != null && t.arm() != null)
        .filter(t -> t.visitorDigest().equals(digest))
        .flatMap(
            t ->
                snapshot
                    .experiment(t.experiment())
                    .filter(x -> x.slot().equals(t.slot()))
                    .map(x -> new Named(t, x)));
  }

  /** The first exposure is when the assignment joins the profile, as at decision time. */
  private void storeAssignment(
      SpaceSnapshot snapshot,
      ExperimentEvent event,
      RunningExperiment experiment,
      Exposure exposure) {
    if (!event.storedWithProfile()) {
      return;
    }
    ProfileKey key =
        event
            .customerId()
            .filter(ProfileKey::isCustomerId)
            .map(c -> ProfileKey.customer(snapshot.space(), c))
            .orElseGet(() -> ProfileKey.visitor(snapshot.space(), event.visitorId().get()));
    ConsentGate gate = snapshot.consentRequired() ? ConsentGate.GRANTED : ConsentGate.NOT_REFUSED;
    profiles.assign(key, experiment.key(), exposure.arm(), gate, snapshot.zone());
  }

  private record Named(DecisionToken token, RunningExperiment experiment) {}
}
