package dev.bespoke.server.profile.service;

import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.ProfileLookup;
import dev.bespoke.server.profile.store.ProfileStore;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * What the delivery path calls for profiles. Reads answer within {@code bespoke.profile.timeout}
 * whatever the store does: on a timeout, an error, an open breaker or too many reads already
 * waiting, the answer is {@link ProfileRead#degraded} and the decision goes on from request
 * signals. Writes made on the delivery path (visit touches, experiment assignments) are
 * fire-and-forget through a bounded buffer.
 */
@ApplicationScoped
public class ProfileGateway {

  /** Shutdown drains this buffer after the event buffer (priority 10) and before clients close. */
  static final int SHUTDOWN_PRIORITY = 20;

  /** A touch waits this long for the store before it is buffered. */
  static final Duration WRITE_ATTEMPT = Duration.ofMillis(250);

  static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(5);

  private final ProfileStore store;
  private final CircuitBreaker breaker;
  private final Duration timeout;
  private final Semaphore inFlight;
  private final WriteBuffer writes;
  private final Clock clock;

  @Inject
  public ProfileGateway(ProfileStore store, ProfileConfig config, Clock clock) {
    this(
        store,
        new CircuitBreaker(config.breakerFailures(), config.breakerDelay(), clock),
        config.timeout(),
        config.maxInFlight(),
        config.writeBufferSize(),
        clock);
  }

  public ProfileGateway(
      ProfileStore store,
      CircuitBreaker breaker,
      Duration timeout,
      int maxInFlight,
      int writeBufferSize,
      Clock clock) {
    this.store = store;
    this.breaker = breaker;
    this.timeout = timeout;
    this.inFlight = new Semaphore(maxInFlight);
    this.clock = clock;
    this.writes = new WriteBuffer("profile-writes", store, breaker, writeBufferSize, WRITE_ATTEMPT);
  }

  /** The visitor's profile, within the budget; never fails. */
  public Uni<ProfileRead> readAsync(String space, String visitorId) {
    if (!ProfileKey.isVisitorId(visitorId)) {
      // An id that could never have been stored has no profile; not worth a store round trip.
      return Uni.createFrom().item(ProfileRead.absent(Map.of()));
    }
    return readAsync(ProfileKey.visitor(space, visitorId));
  }

  /**
   * The profile under the key, within the budget; never fails. For a customer the CRM traits are
   * read alongside, in parallel, under the same budget.
   */
  public Uni<ProfileRead> readAsync(ProfileKey key) {
    if (!inFlight.tryAcquire()) {
      return Uni.createFrom().item(ProfileRead.degraded(ProfileRead.OVERLOADED));
    }
    if (!breaker.tryAcquire()) {
      inFlight.release();
      return Uni.createFrom().item(ProfileRead.degraded(ProfileRead.BREAKER_OPEN));
    }
    // Started now and released only when the store answers, not when the budget runs out: a
    // command still pending in a stalled Redis keeps its permit, which is what bounds them.
    CompletableFuture<ProfileRead> fetched =
        fetch(key).onTermination().invoke(inFlight::release).subscribeAsCompletionStage();
    return Uni.createFrom()
        .completionStage(() -> fetched.thenApply(read -> read))
        .ifNoItem()
        .after(timeout)
        .fail()
        .invoke(read -> breaker.onSuccess())
        .onFailure()
        .recoverWithItem(
            failure -> {
              breaker.onFailure();
              return ProfileRead.degraded(
                  failure instanceof TimeoutException
                      ? ProfileRead.TIMEOUT
                      : ProfileRead.UNAVAILABLE);
            });
  }

  /**
   * Blocking form of {@link #readAsync(String, String)} for worker threads; waits at most the
   * budget. Never call it on an event-loop thread.
   */
  public ProfileRead read(String space, String visitorId) {
    try {
      return readAsync(space, visitorId).await().atMost(timeout.multipliedBy(4));
    } catch (RuntimeException e) {
      return ProfileRead.degraded(ProfileRead.TIMEOUT);
    }
  }

  public ProfileRead read(ProfileKey key) {
    try {
      return readAsync(key).await().atMost(timeout.multipliedBy(4));
    } catch (RuntimeException e) {
      return ProfileRead.degraded(ProfileRead.TIMEOUT);
    }
  }

  private Uni<ProfileRead> fetch(ProfileKey key) {
    if (!key.isCustomer()) {
      return store.read(key).map(lookup -> toRead(lookup, Map.of()));
    }
    return Uni.combine()
        .all()
        .unis(store.read(key), store.customerTraits(key.space(), key.id()))
        .with(ProfileGateway::toRead);
  }

  private static ProfileRead toRead(ProfileLookup lookup, Map<String, Object> customerTraits) {
    if (lookup.erased()) {
      return ProfileRead.erased();
    }
    return lookup
        .profile()
        .map(p -> ProfileRead.found(p, customerTraits))
        .orElseGet(() -> ProfileRead.absent(customerTraits));
  }

  /**
   * Records a visit (a new one after the session gap) in the background.
   *
   * @param gate {@link ConsentGate#GRANTED} where the space requires consent and the request did
   *     not state it, else {@link ConsentGate#NOT_REFUSED}; {@link ConsentGate#NONE} when the
   *     request itself granted it
   * @return {@code false} when the buffer was full and the touch was dropped
   */
  public boolean touch(ProfileKey key, ConsentGate gate, ZoneId zone) {
    return record(key, builder(zone).touch().gate(gate).build());
  }

  /**
   * Records a visit together with the consent the request itself stated (a page's consent tool
   * answering both questions), so later requests and events without it still know the answer.
   */
  public boolean touchWithConsent(ProfileKey key, boolean analytics, ZoneId zone) {
    return record(
        key,
        builder(zone)
            .touch()
            .gate(ConsentGate.NONE)
            .op(new ProfileOp.SetConsent(new Consent(true, analytics, clock.instant())))
            .build());
  }

  /** Stores an experiment assignment in the background unless one exists (sticky arms). */
  public boolean assign(
      ProfileKey key, String experiment, String arm, ConsentGate gate, ZoneId zone) {
    return record(key, builder(zone).gate(gate).op(new ProfileOp.Assign(experiment, arm)).build());
  }

  /** Any update, in the background; {@code false} when the buffer is full. */
  public boolean record(ProfileKey key, ProfileUpdate update) {
    return writes.offer(key, update, 1);
  }

  /** Folds the anonymous profile into the customer's at login (see {@link ProfileStore#merge}). */
  public Uni<WriteOutcome> merge(
      String space, String anonymousVisitorId, String customerId, ZoneId zone) {
    Instant now = clock.instant();
    return store.merge(space, anonymousVisitorId, customerId, now, LocalDate.ofInstant(now, zone));
  }

  /** The breaker shared by every caller of this store, so one dead Redis opens it for all. */
  public CircuitBreaker breaker() {
    return breaker;
  }

  public ProfileStore store() {
    return store;
  }

  public WriteBuffer writes() {
    return writes;
  }

  private ProfileUpdate.Builder builder(ZoneId zone) {
    Instant now = clock.instant();
    return ProfileUpdate.builder(now, LocalDate.ofInstant(now, zone));
  }

  void onShutdown(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
    writes.drain(SHUTDOWN_DRAIN);
    writes.close();
  }
}
