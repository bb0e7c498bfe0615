package dev.bespoke.server.admin.simulate;

import dev.bespoke.core.decision.Decision;
import dev.bespoke.server.context.IncomingRequest;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentState;
import dev.bespoke.server.delivery.DecisionsResponse.SlotDecision;
import dev.bespoke.server.delivery.Delivery;
import dev.bespoke.server.delivery.DeliveryCall;
import dev.bespoke.server.delivery.DeliveryService;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.Score;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.snapshot.SnapshotCompiler;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.publication.PublishedContentReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the live decision path for a described visitor: the same snapshot, the same decider, no
 * cookie, no stored visit. What a preview shows is what that visitor would be served.
 */
@ApplicationScoped
public class SimulationService {

  private static final String PREVIEW_VISITOR = "preview";

  private final DeliveryService delivery;
  private final PublishedContentReader content;
  private final SnapshotCompiler compiler;

  public SimulationService(
      DeliveryService delivery, PublishedContentReader content, SnapshotCompiler compiler) {
    this.delivery = delivery;
    this.content = content;
    this.compiler = compiler;
  }

  public Uni<SimulationResponse> simulate(String space, SimulationRequest request) {
    return simulate(space, request, false);
  }

  /**
   * With {@code drafts}, decides on a snapshot compiled for this call from the drafts and the
   * changes in review over the published content: what visitors will see once it is all published.
   * That reads the content store, so such a call must run on a worker thread.
   */
  public Uni<SimulationResponse> simulate(String space, SimulationRequest request, boolean drafts) {
    SimulationRequests.validate(request);
    Instant at = request.at() == null ? Instant.now() : request.at().toInstant();
    Map<String, Object> attributes = new HashMap<>();
    if (request.attributes() != null) {
      attributes.putAll(request.attributes());
    }
    if (request.locale() != null) {
      attributes.putIfAbsent("locale", request.locale());
    }
    attributes.put("channel", request.channel());
    ResolvedRequest visitor =
        new ResolvedRequest(
            PREVIEW_VISITOR,
            false,
            false,
            new Consent(ConsentState.GRANTED, ConsentState.GRANTED),
            Optional.empty(),
            attributes);
    DeliveryCall call =
        new DeliveryCall(
            space,
            request.channel(),
            request.slots(),
            IncomingRequest.builder().build(),
            Optional.of(visitor),
            Optional.of(profileOf(request.profile(), at)),
            Optional.of(at),
            true,
            false);
    if (!drafts) {
      return delivery.deliver(call).map(SimulationService::toResponse);
    }
    SpaceSnapshot future =
        compiler.compile(
            content
                .readIncludingDrafts(call.space())
                .orElseThrow(() -> new NotFoundException("space", call.space())));
    return delivery.deliverOn(call, future).map(SimulationService::toResponse);
  }

  private static ProfileRead profileOf(SimulationRequest.SimulatedProfile given, Instant at) {
    if (given == null) {
      return ProfileRead.absent(Map.of());
    }
    Map<String, Score> scores = new HashMap<>();
    if (given.scores() != null) {
      given.scores().forEach((key, value) -> scores.put(key, new Score(value, at)));
    }
    Map<String, Instant> conversions = new HashMap<>();
    if (given.conversions() != null) {
      given.conversions().forEach(goal -> conversions.put(goal, at));
    }
    long visits = given.visits() == null ? 1 : given.visits();
    Profile profile =
        new Profile(
            PREVIEW_VISITOR,
            null,
            visits,
            at,
            // Last seen a day ago: the preview describes a visitor starting a new visit now.
            visits > 1 ? at.minusSeconds(86_400) : null,
            0,
            given.counters() == null ? Map.of() : given.counters(),
            scores,
            given.traits() == null ? Map.of() : given.traits(),
            null,
            Map.of(),
            conversions);
    return ProfileRead.found(profile, Map.of());
  }

  private static SimulationResponse toResponse(Delivery delivery) {
    List<SimulationResponse.SimulatedDecision> decisions = new ArrayList<>();
    for (int i = 0; i < delivery.decisions().size(); i++) {
      Decision decision = delivery.decisions().get(i);
      SlotDecision answer = delivery.response().decisions().get(i);
      decisions.add(
          new SimulationResponse.SimulatedDecision(
              answer.slot(),
              answer.variant(),
              answer.segments(),
              answer.reason(),
              decision.usedDefault(),
              decision.trace()));
    }
    return new SimulationResponse(decisions);
  }
}
