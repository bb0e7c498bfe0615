package dev.bespoke.server.events.service;

import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.consent.ConsentState;
import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.ExperimentEvent;
import dev.bespoke.server.events.ExperimentEventSink;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.identity.Caller;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.SpacePolicy;
import dev.bespoke.server.profile.service.WriteBuffer;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes in a batch of validated events for one caller.
 *
 * <p>The profile side is write-through: the answer waits until the store applied the batch's update
 * (so the very next request sees it), or, if the store does not answer within {@code
 * bespoke.events.write-timeout}, until it is safely in the bounded buffer, to be written when the
 * store is back. When the buffer is full the batch is refused whole ({@link
 * WriteBuffer.FullException}, a 503 with {@code Retry-After}) rather than dropped.
 */
@ApplicationScoped
public class EventsService {

  private static final Logger LOG = Logger.getLogger(EventsService.class);

  private final EventBuffer buffer;
  private final List<ExperimentEventSink> sinks;
  private final ProfileGateway profiles;
  private final Clock clock;

  /**
   * @param sinks experiment counting and bandit learning; each sees every impression, click and
   *     conversion, one after the other
   * @param profiles where the consent the visitor stored is read before anything is counted
   */
  public EventsService(
      EventBuffer buffer,
      @All List<ExperimentEventSink> sinks,
      ProfileGateway profiles,
      Clock clock) {
    this.buffer = buffer;
    this.sinks = List.copyOf(sinks);
    this.profiles = profiles;
    this.clock = clock;
  }

  public Uni<IngestResult> ingest(SpacePolicy space, Caller caller, List<Event> events) {
    return ingest(space, caller, events, Optional.empty());
  }

  /**
   * @param batchId the client's name for this batch (from its event ids): a batch sent again under
   *     the same name is counted once by the profile store
   */
  public Uni<IngestResult> ingest(
      SpacePolicy space, Caller caller, List<Event> events, Optional<String> batchId) {
    Instant now = clock.instant();
    Optional<ProfileKey> key = profileOf(space.space(), caller);
    Optional<ConsentGate> gate = space.gateFor(caller.personalization());
    Uni<IngestResult.Stored> stored;
    if (events.isEmpty() || key.isEmpty() || gate.isEmpty()) {
      stored = Uni.createFrom().item(IngestResult.Stored.NOT_STORED);
    } else {
      ProfileUpdate update =
          EventProfileMapper.toUpdate(
              events,
              now,
              LocalDate.ofInstant(now, space.zone()),
              gate.get(),
              batchId.map(id -> "ev:" + id));
      stored =
          buffer
              .submit(key.get(), update, events.size())
              .map(
                  ack ->
                      ack == WriteBuffer.Ack.WRITTEN
                          ? IngestResult.Stored.WRITTEN
                          : IngestResult.Stored.BUFFERED);
    }
    return stored
        .call(s -> notifySink(space, caller, key, events, s != IngestResult.Stored.NOT_STORED, now))
        .map(s -> new IngestResult(events.size(), s));
  }

  /** A logged-in customer's events go to the customer's profile, which decisions read. */
  private static Optional<ProfileKey> profileOf(String space, Caller caller) {
    if (caller.customerId().filter(ProfileKey::isCustomerId).isPresent()) {
      return Optional.of(ProfileKey.customer(space, caller.customerId().get()));
    }
    return caller
        .visitorId()
        .filter(ProfileKey::isVisitorId)
        .map(v -> ProfileKey.visitor(space, v));
  }

  /** Never fails the request: counting trouble is logged, the events were taken in. */
  private Uni<Void> notifySink(
      SpacePolicy space,
      Caller caller,
      Optional<ProfileKey> key,
      List<Event> events,
      boolean stored,
      Instant at) {
    List<Event> forExperiments = events.stream().filter(e -> e.type().feedsExperiments()).toList();
    if (forExperiments.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return consentOf(caller, key)
        .flatMap(
            consent -> {
              boolean analytics = consent.allowsAnalytics(space.consentRequired());
              List<ExperimentEvent> counted = new ArrayList<>(forExperiments.size());
              for (Event event : forExperiments) {
                counted.add(
                    new ExperimentEvent(
                        space.space(),
                        event,
                        caller.visitorId(),
                        caller.customerId(),
                        analytics,
                        stored,
                        at));
              }
              Uni<Void> all = Uni.createFrom().voidItem();
              for (ExperimentEventSink sink : sinks) {
                all = all.flatMap(done -> feed(sink, counted));
              }
              return all;
            });
  }

  /**
   * The request's consent completed by the one the visitor stored (PUT /me/consent), as the
   * decisions path settles it; no read when the request already refuses analytics.
   */
  private Uni<Consent> consentOf(Caller caller, Optional<ProfileKey> key) {
    Consent stated = caller.consent();
    if (key.isEmpty() || stated.analytics() == ConsentState.DENIED) {
      return Uni.createFrom().item(stated);
    }
    return profiles.readAsync(key.get()).map(read -> stated.withStored(read.storedConsent()));
  }

  /** One sink's share; its failure is logged and never fails the ingestion. */
  private static Uni<Void> feed(ExperimentEventSink sink, List<ExperimentEvent> events) {
    try {
      return sink.acceptAll(events)
          .onFailure()
          .recoverWithUni(
              e -> {
                LOG.warnf("the experiment event sink failed: %s", e.getClass().getSimpleName());
                return Uni.createFrom().voidItem();
              });
    } catch (RuntimeException e) {
      LOG.warnf("the experiment event sink failed: %s", e.getClass().getSimpleName());
      return Uni.createFrom().voidItem();
    }
  }
}
