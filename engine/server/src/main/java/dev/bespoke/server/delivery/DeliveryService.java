package dev.bespoke.server.delivery;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.BanditContext;
import dev.bespoke.core.decision.Decision;
import dev.bespoke.core.decision.DecisionInput;
import dev.bespoke.core.decision.Strategy;
import dev.bespoke.core.decision.VariantRule;
import dev.bespoke.server.bandit.BanditBoard;
import dev.bespoke.server.bandit.BanditRecorder;
import dev.bespoke.server.context.RequestContextResolver;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentState;
import dev.bespoke.server.delivery.DecisionTokens.DecisionToken;
import dev.bespoke.server.delivery.DecisionsResponse.ExperimentView;
import dev.bespoke.server.delivery.DecisionsResponse.SlotDecision;
import dev.bespoke.server.delivery.DecisionsResponse.VariantView;
import dev.bespoke.server.experiment.assign.ArmDecision;
import dev.bespoke.server.experiment.assign.ExperimentAssigner;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.reach.RecentVisitors;
import dev.bespoke.server.snapshot.PublishedSlot;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import dev.bespoke.server.snapshot.VariantContent;
import dev.bespoke.store.common.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Decides slots for one visitor: resolves the request, reads the profile within its budget, decides
 * every slot on the published snapshot and records the visit. A fault while deciding a known slot
 * answers that slot's default with {@code fallback: true}; a fault reading the profile decides on
 * request signals alone and says so. Never an error for a known slot.
 */
@ApplicationScoped
public class DeliveryService {

  private static final Logger LOG = Logger.getLogger(DeliveryService.class);

  private final SnapshotRegistry snapshots;
  private final RequestContextResolver resolver;
  private final ProfileGateway profiles;
  private final VisitorContextAssembler contexts;
  private final DecisionTokens tokens;
  private final ExperimentAssigner experiments;
  private final Clock clock;
  private final DeliveryMetrics metrics;

  private final DeliveryKeyGuard keys;
  private final BanditBoard bandits;
  private final BanditRecorder banditRecorder;
  private final RecentVisitors recentVisitors;

  public DeliveryService(
      SnapshotRegistry snapshots,
      RequestContextResolver resolver,
      ProfileGateway profiles,
      VisitorContextAssembler contexts,
      DecisionTokens tokens,
      DeliveryKeyGuard keys,
      ExperimentAssigner experiments,
      Clock clock,
      DeliveryMetrics metrics,
      BanditBoard bandits,
      BanditRecorder banditRecorder,
      RecentVisitors recentVisitors) {
    this.keys = keys;
    this.bandits = bandits;
    this.banditRecorder = banditRecorder;
    this.recentVisitors = recentVisitors;
    this.metrics = metrics;
    this.snapshots = snapshots;
    this.resolver = resolver;
    this.profiles = profiles;
    this.contexts = contexts;
    this.tokens = tokens;
    this.experiments = experiments;
    this.clock = clock;
  }

  public Uni<Delivery> deliver(DeliveryCall call) {
    DeliveryRequests.validate(call);
    return decideOn(call, snapshotOf(call.space()));
  }

  /**
   * Decides on a snapshot the caller compiled rather than the published one: a preview of content
   * that is not published yet. Such a call must not have side effects.
   */
  public Uni<Delivery> deliverOn(DeliveryCall call, SpaceSnapshot snapshot) {
    if (call.sideEffects()) {
      throw new IllegalArgumentException("only previews decide on an unpublished snapshot");
    }
    DeliveryRequests.validate(call);
    return decideOn(call, snapshot);
  }

  private Uni<Delivery> decideOn(DeliveryCall call, SpaceSnapshot snapshot) {
    if (call.sideEffects()) {
      // live calls from pages and apps; previews come through the authenticated admin API
      keys.check(snapshot, call.incoming().headers());
    }
    List<PublishedSlot> slots = new ArrayList<>(call.slots().size());
    for (String key : call.slots()) {
      slots.add(snapshot.slot(key).orElseThrow(() -> new NotFoundException("slot", key)));
    }
    ResolvedRequest resolved =
        call.resolvedOverride()
            .orElseGet(() -> resolver.resolve(call.incoming(), snapshot.consentRequired()));
    Consent stated = resolved.consent();
    // Without a consent answer in the request, the answer the visitor stored earlier (PUT
    // /me/consent) decides; reading it writes nothing. A stored analytics refusal counts even
    // when the request refuses personalisation, so only a request refusing both skips the read.
    boolean knownVisitor = !resolved.newVisitor() || resolved.customer().isPresent();
    // A visitor whose id was issued by this very request has nothing stored yet: no read.
    boolean readProfile =
        knownVisitor
            && !(stated.personalization() == ConsentState.DENIED
                && stated.analytics() == ConsentState.DENIED);
    ProfileKey key = profileKey(snapshot, resolved);
    Uni<ProfileRead> read =
        call.profileOverride()
            .map(p -> Uni.createFrom().item(p))
            .orElseGet(
                () ->
                    readProfile
                        ? profiles.readAsync(key)
                        : Uni.createFrom().item(ProfileRead.absent(Map.of())));
    return read.flatMap(
        stored -> {
          if (call.sideEffects() && stored.isErased() && !key.isCustomer()) {
            // An erased id is never handed back: the visitor starts over under a fresh one.
            ResolvedRequest renewed = resolver.renew(resolved, snapshot.consentRequired());
            return decideFor(
                call,
                snapshot,
                slots,
                renewed,
                profileKey(snapshot, renewed),
                ProfileRead.absent(Map.of()));
          }
          return decideFor(call, snapshot, slots, resolved, key, stored);
        });
  }

  /**
   * Decides with the consent settled once for the whole request, the request's answers completed by
   * the stored ones: exposures, impressions, conversions and bandit learning all read it.
   */
  private Uni<Delivery> decideFor(
      DeliveryCall call,
      SpaceSnapshot snapshot,
      List<PublishedSlot> slots,
      ResolvedRequest request,
      ProfileKey key,
      ProfileRead stored) {
    Consent consent = request.consent().withStored(stored.storedConsent());
    boolean personalise =
        call.profileOverride().isPresent() || consent.allowsStorage(snapshot.consentRequired());
    // A refusal stored earlier is not answered with a visitor cookie for another year.
    boolean expireCookie =
        call.sideEffects()
            && request.consent().personalization() == ConsentState.UNKNOWN
            && consent.personalization() == ConsentState.DENIED;
    ResolvedRequest resolved = expireCookie ? request.withoutCookie() : request;
    ProfileRead profile = personalise ? stored : ProfileRead.absent(Map.of());
    Instant now = call.at().orElseGet(clock::instant);
    if (!call.sideEffects()) {
      return Uni.createFrom()
          .item(
              decideAll(call, snapshot, slots, resolved, consent, profile, now, false).delivery());
    }
    Decided decided =
        metrics.timeDecisions(
            () -> decideAll(call, snapshot, slots, resolved, consent, profile, now, expireCookie));
    boolean storable = personalise && !profile.isErased();
    if (storable) {
      recordVisit(snapshot, resolved, key);
      // Reach samples only visitors whose data may be used: the same consent as storing.
      recentVisitors.offer(snapshot.space(), decided.context());
    }
    return experiments
        .record(
            snapshot,
            resolved,
            consent,
            storable ? Optional.of(key) : Optional.empty(),
            decided.arms())
        .replaceWith(decided.delivery());
  }

  /**
   * The answer, each slot's experiment outcome for recording exposures, and the context decided on.
   */
  private record Decided(Delivery delivery, List<ArmDecision> arms, VisitorContext context) {}

  private SpaceSnapshot snapshotOf(String space) {
    Optional<SpaceSnapshot> snapshot = snapshots.get(space);
    if (snapshot.isPresent()) {
      return snapshot.get();
    }
    if (!snapshots.loaded()) {
      throw new ServiceUnavailableException("the published content is still loading", 2L);
    }
    throw new NotFoundException("space", space);
  }

  private Decided decideAll(
      DeliveryCall call,
      SpaceSnapshot snapshot,
      List<PublishedSlot> slots,
      ResolvedRequest resolved,
      Consent consent,
      ProfileRead profile,
      Instant now,
      boolean expireCookie) {
    VisitorContext context = contexts.assemble(snapshot, resolved, profile, now);
    Set<String> converted = profile.profile().map(p -> p.conversions().keySet()).orElse(Set.of());
    DecisionInput input =
        new DecisionInput(
            call.channel(),
            (String) resolved.attributes().get("locale"),
            resolved.visitorId(),
            converted,
            call.withTrace(),
            bandits.evidence(snapshot.space()));
    List<SlotDecision> answers = new ArrayList<>(slots.size());
    List<Decision> decisions = new ArrayList<>(slots.size());
    List<ArmDecision> arms = new ArrayList<>(slots.size());
    Set<String> cacheSegments = new TreeSet<>();
    boolean allCacheable = true;
    for (PublishedSlot slot : slots) {
      Decision core = decideOne(snapshot, slot, context, input, profile);
      boolean fault = profile.isDegraded() || core.reason().startsWith("an internal error");
      if (fault && call.sideEffects()) {
        metrics.fallback(profile.isDegraded());
      }
      ArmDecision arm =
          experiments.arrange(
              snapshot, slot, core, context, input, resolved.visitorId(), profile, fault, now);
      Decision decision = arm.decision();
      decisions.add(decision);
      arms.add(arm);
      String banditContext = banditContext(slot, decision, arm, fault, context);
      if (banditContext != null
          && call.sideEffects()
          && consent.allowsAnalytics(snapshot.consentRequired())) {
        banditRecorder.served(
            snapshot.space(), slot.key(), banditContext, decision.variant().get().key());
      }
      answers.add(answer(snapshot, slot, arm, fault, resolved, now, banditContext));
      cacheSegments.addAll(decision.matchedSegments());
      // A shared cache keyed by segments would serve one arm to every visitor of the segment.
      allCacheable &= slot.cacheable() && !arm.inExperiment();
    }
    Optional<String> cacheKey =
        allCacheable
            ? Optional.of(cacheSegments.isEmpty() ? "none" : String.join(",", cacheSegments))
            : Optional.empty();
    return new Decided(
        new Delivery(
            resolved,
            new DecisionsResponse(resolved.visitorId(), answers),
            decisions,
            slots,
            cacheKey,
            expireCookie),
        arms,
        context);
  }

  /**
   * The segment context a bandit slot's pick was learnt in, when the bandit made the pick: not when
   * the default was served, an experiment overrode it, or a fault decided.
   */
  private static String banditContext(
      PublishedSlot slot,
      Decision decision,
      ArmDecision arm,
      boolean fault,
      VisitorContext context) {
    if (slot.rule().strategy() != Strategy.BANDIT
        || fault
        || arm.inExperiment()
        || decision.usedDefault()
        || decision.variant().isEmpty()) {
      return null;
    }
    return BanditContext.of(slot.rule(), context);
  }

  private static Decision decideOne(
      SpaceSnapshot snapshot,
      PublishedSlot slot,
      VisitorContext context,
      DecisionInput input,
      ProfileRead profile) {
    try {
      Decision decision = snapshot.decider().decide(slot.rule(), context, input);
      if (profile.isDegraded()) {
        return new Decision(
            decision.slot(),
            decision.variant(),
            decision.matchedSegments(),
            "profile unavailable, decided on request signals only; " + decision.reason(),
            decision.usedDefault(),
            decision.trace());
      }
      return decision;
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.errorf(
          e, "incident %s: deciding slot %s failed; serving its default", incident, slot.key());
      return new Decision(
          slot.key(),
          slot.rule().defaultVariant(),
          List.of(),
          "an internal error occurred (incident " + incident + "); the slot's default",
          true,
          List.of());
    }
  }

  private SlotDecision answer(
      SpaceSnapshot snapshot,
      PublishedSlot slot,
      ArmDecision arm,
      boolean fault,
      ResolvedRequest resolved,
      Instant now,
      String banditContext) {
    Decision decision = arm.decision();
    VariantView view =
        decision
            .variant()
            .map(VariantRule::key)
            .flatMap(slot::content)
            .map(DeliveryService::view)
            .orElse(null);
    String variantKey = decision.variant().map(VariantRule::key).orElse("-");
    String decisionId =
        tokens.issue(
            new DecisionToken(
                snapshot.space(),
                slot.key(),
                variantKey,
                arm.experimentKey(),
                arm.arm(),
                DecisionTokens.visitorDigest(resolved.visitorId()),
                now,
                banditContext));
    ExperimentView experiment =
        arm.inExperiment() ? new ExperimentView(arm.experimentKey(), arm.arm()) : null;
    return new SlotDecision(
        slot.key(),
        decisionId,
        view,
        decision.matchedSegments(),
        decision.reason(),
        experiment,
        fault);
  }

  private static VariantView view(VariantContent content) {
    return new VariantView(content.key(), content.fields(), content.html());
  }

  private static ProfileKey profileKey(SpaceSnapshot snapshot, ResolvedRequest resolved) {
    return resolved
        .customer()
        .map(c -> ProfileKey.customer(snapshot.space(), c.id()))
        .orElseGet(() -> ProfileKey.visitor(snapshot.space(), resolved.visitorId()));
  }

  private void recordVisit(SpaceSnapshot snapshot, ResolvedRequest resolved, ProfileKey key) {
    ConsentGate gate =
        resolved.consent().personalization() == ConsentState.GRANTED
            ? ConsentGate.NONE
            : snapshot.consentRequired() ? ConsentGate.GRANTED : ConsentGate.NOT_REFUSED;
    ConsentState analytics = resolved.consent().analytics();
    if (gate == ConsentGate.NONE && analytics != ConsentState.UNKNOWN) {
      profiles.touchWithConsent(key, analytics == ConsentState.GRANTED, snapshot.zone());
    } else {
      profiles.touch(key, gate, snapshot.zone());
    }
    if (key.isCustomer() && !resolved.newVisitor()) {
      // At login the anonymous history joins the customer's; merging an absent or already
      // merged profile changes nothing.
      profiles
          .merge(snapshot.space(), resolved.visitorId(), key.id(), snapshot.zone())
          .subscribe()
          .with(ok -> {}, e -> LOG.debugf("profile merge deferred: %s", e.getMessage()));
    }
  }
}
