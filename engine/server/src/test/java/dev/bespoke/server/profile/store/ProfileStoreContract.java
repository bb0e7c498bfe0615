package dev.bespoke.server.profile.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.ProfileCaps;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileOp;
import dev.bespoke.server.profile.ProfileSettings;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.Score;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.testsupport.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProfileStore} must do, run once against the in-process store and once against a
 * real Redis: both must give the same profiles for the same writes.
 */
abstract class ProfileStoreContract {

  static final String SPACE = "contract";
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final LocalDate DAY0 = LocalDate.parse("2026-11-24");
  static final Duration HALF_LIFE = ProfileSettings.DEFAULTS.scoreHalfLife();
  static final Duration WAIT = Duration.ofSeconds(5);

  protected ProfileStore store;

  /** A fresh store with these settings. */
  protected abstract ProfileStore newStore(ProfileSettings settings);

  /** Lets real (Redis) or simulated (memory) time pass, for TTLs. */
  protected abstract void passTime(Duration duration);

  @BeforeEach
  void createStore() {
    store = newStore(ProfileSettings.DEFAULTS);
  }

  /** A visitor no other test (or earlier run on the same Redis) has used. */
  static ProfileKey newVisitor() {
    return ProfileKey.visitor(SPACE, "v1." + UUID.randomUUID().toString().replace("-", ""));
  }

  static String newCustomerId() {
    return "crm-" + UUID.randomUUID();
  }

  WriteOutcome apply(ProfileKey key, ProfileUpdate update) {
    return store.apply(key, update).await().atMost(WAIT);
  }

  ProfileLookup lookup(ProfileKey key) {
    return store.read(key).await().atMost(WAIT);
  }

  Profile read(ProfileKey key) {
    return lookup(key).profile().orElseThrow(() -> new AssertionError("no profile stored"));
  }

  @Test
  void anUnknownVisitorHasNoProfile() {
    ProfileLookup lookup = lookup(newVisitor());
    assertThat(lookup.profile()).isEmpty();
    assertThat(lookup.erased()).isFalse();
  }

  @Test
  void aFirstPageviewOpensTheFirstVisit() {
    ProfileKey v = newVisitor();
    assertThat(apply(v, Updates.pageview(T0, "shoes"))).isEqualTo(WriteOutcome.APPLIED);

    Profile p = read(v);
    assertThat(p.id()).isEqualTo(v.id());
    assertThat(p.visits()).isEqualTo(1);
    assertThat(p.firstSeen()).isEqualTo(T0);
    assertThat(p.lastSeen()).isEqualTo(T0);
    assertThat(p.visitPageviews()).isEqualTo(1);
    assertThat(p.counters()).isEqualTo(Map.of("pageview.category.shoes", Map.of(DAY0, 1L)));
    assertThat(p.scores()).isEqualTo(Map.of("category.shoes", new Score(1, T0)));
  }

  @Test
  void touchesLessThanTheSessionGapApartAreOneVisit() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofMinutes(10)), "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofMinutes(39)), "shoes"));
    assertThat(read(v).visits()).isEqualTo(1);
    assertThat(read(v).visitPageviews()).isEqualTo(3);

    apply(v, Updates.pageview(T0.plus(Duration.ofMinutes(70)), "bags"));
    Profile p = read(v);
    assertThat(p.visits()).isEqualTo(2);
    assertThat(p.visitPageviews()).isEqualTo(1);
    assertThat(p.firstSeen()).isEqualTo(T0);
    assertThat(p.lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
  }

  @Test
  void aVisitTouchWithoutPageviewCountsTheVisitOnly() {
    ProfileKey v = newVisitor();
    apply(v, Updates.at(T0).touch().build());
    Profile p = read(v);
    assertThat(p.visits()).isEqualTo(1);
    assertThat(p.visitPageviews()).isZero();
    assertThat(p.counters()).isEmpty();
  }

  @Test
  void countersAreKeptPerDaySoWindowsAreExact() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofDays(1)), "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofDays(1)), "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofDays(29)), "shoes"));

    Profile p = read(v);
    LocalDate today = DAY0.plusDays(29);
    String key = "pageview.category.shoes";
    assertThat(p.count(key, 1, today)).isEqualTo(1);
    assertThat(p.count(key, 29, today)).isEqualTo(3);
    assertThat(p.count(key, 30, today)).isEqualTo(4);
    assertThat(p.total(key)).isEqualTo(4);
  }

  @Test
  void dayBucketsOlderThanTheRetentionAreDroppedOnWrite() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.pageview(T0.plus(Duration.ofDays(89)), "bags"));
    assertThat(read(v).counters().get("pageview.category.shoes")).containsKey(DAY0);

    apply(v, Updates.pageview(T0.plus(Duration.ofDays(90)), "bags"));
    Profile p = read(v);
    assertThat(p.counters()).doesNotContainKey("pageview.category.shoes");
    assertThat(p.counters().get("pageview.category.bags"))
        .containsOnlyKeys(DAY0.plusDays(89), DAY0.plusDays(90));
  }

  @Test
  void aCountForADayOutsideTheRetentionIsNotStored() {
    ProfileKey v = newVisitor();
    apply(
        v,
        Updates.at(T0)
            .op(new ProfileOp.Count("pageview.category.old", DAY0.minusDays(90), 5))
            .build());
    assertThat(read(v).counters()).isEmpty();
  }

  @Test
  void scoresHalveEveryHalfLifeAndEachEventAddsOne() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.pageview(T0.plus(HALF_LIFE), "shoes"));

    Score score = read(v).scores().get("category.shoes");
    assertThat(score.asOf()).isEqualTo(T0.plus(HALF_LIFE));
    assertThat(score.value()).isCloseTo(1.5, within(1e-9));
    assertThat(read(v).score("category.shoes", T0.plus(HALF_LIFE.multipliedBy(2)), HALF_LIFE))
        .isCloseTo(0.75, within(1e-9));
  }

  @Test
  void scoresDoNotDependOnTheOrderWritesLand() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0.plus(HALF_LIFE), "shoes"));
    apply(v, Updates.pageview(T0, "shoes"));

    Score score = read(v).scores().get("category.shoes");
    assertThat(score.asOf()).isEqualTo(T0.plus(HALF_LIFE));
    assertThat(score.value()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void negligibleScoresArePrunedOnTheNextDay() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    // Seven half-lives later one event is worth 1/128 < 0.01.
    apply(v, Updates.pageview(T0.plus(HALF_LIFE.multipliedBy(7)), "bags"));
    assertThat(read(v).scores()).containsOnlyKeys("category.bags");
  }

  @Test
  void selfStatedTraitsAreReplacedWhole() {
    ProfileKey v = newVisitor();
    apply(
        v,
        Updates.at(T0)
            .op(new ProfileOp.SetTrait("preferredCategory", "running"))
            .op(new ProfileOp.SetTrait("shoeSize", 43L))
            .op(new ProfileOp.SetTrait("ratio", 0.5))
            .build());
    assertThat(read(v).traits())
        .isEqualTo(Map.of("preferredCategory", "running", "shoeSize", 43L, "ratio", 0.5));

    apply(
        v,
        Updates.at(T0)
            .op(new ProfileOp.ClearTraits())
            .op(new ProfileOp.SetTrait("newsletter", true))
            .build());
    assertThat(read(v).traits()).isEqualTo(Map.of("newsletter", true));
  }

  @Test
  void anExperimentArmOnceAssignedNeverChanges() {
    ProfileKey v = newVisitor();
    apply(v, Updates.at(T0).op(new ProfileOp.Assign("hero-holdout", "control")).build());
    apply(v, Updates.at(T0).op(new ProfileOp.Assign("hero-holdout", "personalised")).build());
    assertThat(read(v).assignments()).isEqualTo(Map.of("hero-holdout", "control"));
  }

  @Test
  void theFirstConversionOnAGoalIsKept() {
    ProfileKey v = newVisitor();
    apply(v, Updates.at(T0.plusSeconds(3600)).convert("purchase").build());
    apply(v, Updates.at(T0).convert("purchase").build());
    apply(v, Updates.at(T0.plusSeconds(7200)).convert("purchase").build());
    Profile p = read(v);
    assertThat(p.conversions()).isEqualTo(Map.of("purchase", T0));
    assertThat(p.converted("purchase")).isTrue();
    assertThat(p.converted("signup")).isFalse();
  }

  @Test
  void theNewestConsentWins() {
    ProfileKey v = newVisitor();
    apply(v, consent(true, true, T0.plusSeconds(60)));
    apply(v, consent(false, false, T0));
    assertThat(read(v).consent()).isEqualTo(new Consent(true, true, T0.plusSeconds(60)));
  }

  @Test
  void withoutStoredConsentAGrantedGateWritesNothingAtAll() {
    ProfileKey v = newVisitor();
    ProfileUpdate gated = Updates.at(T0).pageview().gate(ConsentGate.GRANTED).build();
    assertThat(apply(v, gated)).isEqualTo(WriteOutcome.NO_CONSENT);
    assertThat(lookup(v).profile()).isEmpty();

    apply(v, consent(true, false, T0));
    assertThat(apply(v, Updates.at(T0).pageview().gate(ConsentGate.GRANTED).build()))
        .isEqualTo(WriteOutcome.APPLIED);
    assertThat(read(v).visitPageviews()).isEqualTo(1);
  }

  @Test
  void aStoredRefusalStopsWritesThatNeedNoRefusal() {
    ProfileKey v = newVisitor();
    ProfileUpdate ungated = Updates.at(T0).pageview().gate(ConsentGate.NOT_REFUSED).build();
    assertThat(apply(v, ungated)).isEqualTo(WriteOutcome.APPLIED);
    apply(v, consent(false, false, T0));
    ProfileUpdate later = Updates.at(T0).pageview().gate(ConsentGate.NOT_REFUSED).build();
    assertThat(apply(v, later)).isEqualTo(WriteOutcome.NO_CONSENT);
  }

  @Test
  void aResetForgetsEverythingButWhatFollowsIt() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.at(T0).op(new ProfileOp.Assign("exp", "a")).convert("purchase").build());
    apply(
        v,
        Updates.at(T0)
            .op(new ProfileOp.Reset())
            .op(new ProfileOp.SetConsent(new Consent(false, true, T0)))
            .build());

    Profile p = read(v);
    assertThat(p.visits()).isZero();
    assertThat(p.lastSeen()).isNull();
    assertThat(p.counters()).isEmpty();
    assertThat(p.scores()).isEmpty();
    assertThat(p.assignments()).isEmpty();
    assertThat(p.conversions()).isEmpty();
    assertThat(p.consent()).isEqualTo(new Consent(false, true, T0));
  }

  @Test
  void aRetriedUpdateIsAppliedOnce() {
    ProfileKey v = newVisitor();
    ProfileUpdate update = Updates.pageview(T0, "shoes");
    assertThat(apply(v, update)).isEqualTo(WriteOutcome.APPLIED);
    assertThat(apply(v, update)).isEqualTo(WriteOutcome.DUPLICATE);
    assertThat(read(v).total("pageview.category.shoes")).isEqualTo(1);
  }

  /**
   * Regression (fault test F1): a backlog drained after an outage retried a write whose first
   * attempt had landed late, after more than 16 newer ones; the store had forgotten its id and
   * counted it twice.
   */
  @Test
  void aRetryIsRecognisedAfterManyNewerUpdates() {
    ProfileKey v = newVisitor();
    ProfileUpdate first = Updates.pageview(T0, "shoes");
    assertThat(apply(v, first)).isEqualTo(WriteOutcome.APPLIED);
    for (int i = 0; i < 200; i++) {
      assertThat(apply(v, Updates.pageview(T0.plusSeconds(i + 1), "shoes")))
          .isEqualTo(WriteOutcome.APPLIED);
    }
    assertThat(apply(v, first)).isEqualTo(WriteOutcome.DUPLICATE);
    assertThat(read(v).total("pageview.category.shoes")).isEqualTo(201);
  }

  @Test
  void loginMergeFoldsTheAnonymousProfileIntoTheCustomers() {
    String customerId = newCustomerId();
    ProfileKey customer = ProfileKey.customer(SPACE, customerId);
    ProfileKey anonymous = newVisitor();
    apply(customer, Updates.pageview(T0.minus(Duration.ofDays(3)), "shoes"));
    apply(
        customer,
        Updates.at(T0)
            .op(new ProfileOp.Assign("hero", "control"))
            .op(new ProfileOp.Convert("purchase", T0.plusSeconds(7200)))
            .build());
    apply(anonymous, Updates.pageview(T0.minus(Duration.ofDays(3)), "shoes"));
    apply(anonymous, Updates.pageview(T0, "shoes"));
    apply(
        anonymous,
        Updates.at(T0)
            .op(new ProfileOp.Assign("hero", "personalised"))
            .op(new ProfileOp.Assign("promo", "b"))
            .op(new ProfileOp.Convert("purchase", T0.plusSeconds(3600)))
            .op(new ProfileOp.Convert("signup", T0))
            .op(new ProfileOp.SetTrait("preferredCategory", "running"))
            .build());

    WriteOutcome outcome =
        store
            .merge(SPACE, anonymous.id(), customerId, T0.plusSeconds(60), DAY0)
            .await()
            .atMost(WAIT);

    assertThat(outcome).isEqualTo(WriteOutcome.APPLIED);
    Profile merged = read(customer);
    assertThat(merged.customerId()).isEqualTo(customerId);
    assertThat(merged.counters().get("pageview.category.shoes"))
        .isEqualTo(Map.of(DAY0.minusDays(3), 2L, DAY0, 1L));
    assertThat(merged.assignments()).isEqualTo(Map.of("hero", "control", "promo", "b"));
    assertThat(merged.conversions())
        .isEqualTo(Map.of("purchase", T0.plusSeconds(3600), "signup", T0));
    assertThat(merged.traits()).isEqualTo(Map.of("preferredCategory", "running"));
    assertThat(merged.visits()).as("one visit of the customer, two anonymous").isEqualTo(3);
    assertThat(merged.firstSeen()).isEqualTo(T0.minus(Duration.ofDays(3)));
    assertThat(merged.lastSeen()).isEqualTo(T0);
    // Three shoe page views, two of them three days old: 2 * 2^(-3/14) + 1.
    double expected = 2 * Math.pow(2, -3.0 / 14) + 1;
    assertThat(merged.score("category.shoes", T0, HALF_LIFE)).isCloseTo(expected, within(1e-9));
    assertThat(lookup(anonymous).profile()).isEmpty();
  }

  @Test
  void loginWithoutAnAnonymousProfileOnlyLinksTheCustomer() {
    String customerId = newCustomerId();
    WriteOutcome outcome =
        store.merge(SPACE, newVisitor().id(), customerId, T0, DAY0).await().atMost(WAIT);
    assertThat(outcome).isEqualTo(WriteOutcome.APPLIED);
    assertThat(read(ProfileKey.customer(SPACE, customerId)).customerId()).isEqualTo(customerId);
  }

  @DisplayName(
      "P6 suppression is checked when a write lands: writes after erasure (a draining buffer) store nothing")
  @Test
  void anErasedProfileIsNotRecreated() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    store.erase(v).await().atMost(WAIT);

    assertThat(lookup(v).erased()).isTrue();
    assertThat(store.isErased(v).await().atMost(WAIT)).isTrue();
    assertThat(apply(v, Updates.pageview(T0.plusSeconds(1), "shoes")))
        .isEqualTo(WriteOutcome.ERASED);
    assertThat(lookup(v).profile()).isEmpty();
    assertThat(store.isErased(newVisitor()).await().atMost(WAIT)).isFalse();
  }

  @Test
  void deleteRemovesAProfileWithoutATombstone() {
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    store.delete(v).await().atMost(WAIT);
    assertThat(lookup(v)).isEqualTo(ProfileLookup.ABSENT);
    assertThat(apply(v, Updates.pageview(T0, "shoes"))).isEqualTo(WriteOutcome.APPLIED);
  }

  @Test
  void customerTraitsAreReplacedWhole() {
    String id = newCustomerId();
    int written =
        store
            .replaceCustomerTraits(
                SPACE, List.of(new CustomerTraits(id, Map.of("tier", "gold", "points", 120L))))
            .await()
            .atMost(WAIT);
    assertThat(written).isEqualTo(1);
    assertThat(traits(id)).isEqualTo(Map.of("tier", "gold", "points", 120L));

    store
        .replaceCustomerTraits(SPACE, List.of(new CustomerTraits(id, Map.of("tier", "silver"))))
        .await()
        .atMost(WAIT);
    assertThat(traits(id)).isEqualTo(Map.of("tier", "silver"));
    assertThat(traits(newCustomerId())).isEmpty();
  }

  @Test
  void erasingACustomerRemovesTheirCrmTraitsForGood() {
    String id = newCustomerId();
    ProfileKey customer = ProfileKey.customer(SPACE, id);
    store
        .replaceCustomerTraits(SPACE, List.of(new CustomerTraits(id, Map.of("tier", "gold"))))
        .await()
        .atMost(WAIT);
    apply(customer, Updates.pageview(T0, "shoes"));

    store.erase(customer).await().atMost(WAIT);

    assertThat(traits(id)).isEmpty();
    assertThat(lookup(customer).erased()).isTrue();
    int written =
        store
            .replaceCustomerTraits(SPACE, List.of(new CustomerTraits(id, Map.of("tier", "gold"))))
            .await()
            .atMost(WAIT);
    assertThat(written).isZero();
    assertThat(traits(id)).isEmpty();
  }

  @DisplayName(
      "P10 an untouched profile expires after a shortened TTL (Redis key expiry on the Redis store)")
  @Test
  void anUntouchedProfileExpiresAfterItsTtl() {
    store = newStore(ProfileSettings.DEFAULTS.withTtl(Duration.ofSeconds(1)));
    ProfileKey v = newVisitor();
    apply(v, Updates.pageview(T0, "shoes"));
    passTime(Duration.ofMillis(600));
    apply(v, Updates.pageview(T0, "bags"));
    passTime(Duration.ofMillis(600));
    assertThat(lookup(v).profile()).as("each write refreshes the TTL").isPresent();

    passTime(Duration.ofMillis(1200));
    assertThat(lookup(v).profile()).isEmpty();
  }

  /** Small caps, so the tests can fill a profile: 30 buckets, 20 per event name, 25 scores. */
  static final ProfileCaps SMALL = new ProfileCaps(30, 20, 25);

  static String value(int i) {
    return String.format("v%03d", i);
  }

  /** A page view about {@code value(i)}, {@code i} seconds after T0. */
  static ProfileUpdate pageviewNumber(int i) {
    return Updates.pageview(T0.plusSeconds(i), value(i));
  }

  static Set<String> counterKeys(String prefix, IntStream values) {
    return values.mapToObj(i -> prefix + value(i)).collect(Collectors.toSet());
  }

  @DisplayName("one visitor sending 200 distinct values keeps the newest 20 counters and 25 scores")
  @Test
  void distinctValuesBeyondTheCapEvictTheLeastRecent() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(SMALL));
    ProfileKey v = newVisitor();
    for (int i = 0; i < 200; i++) {
      apply(v, pageviewNumber(i));
    }
    // Counted again after its eviction: it is the newest now, and starts again from one.
    apply(v, Updates.pageview(T0.plusSeconds(200), value(0)));

    Profile p = read(v);
    Set<String> expected = counterKeys("pageview.category.", IntStream.range(181, 200));
    expected.add("pageview.category." + value(0));
    assertThat(p.counters().keySet()).isEqualTo(expected);
    assertThat(p.total("pageview.category." + value(0))).isEqualTo(1);
    Set<String> scores = counterKeys("category.", IntStream.range(176, 200));
    scores.add("category." + value(0));
    assertThat(p.scores().keySet()).isEqualTo(scores);
    assertThat(p.visitPageviews()).as("the visit itself still counts every page").isEqualTo(201);
  }

  @DisplayName("a flood of page views cannot push a conversion counter out (cap per event name)")
  @Test
  void aFloodOfOneEventLeavesTheOthersCounted() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(SMALL));
    ProfileKey v = newVisitor();
    apply(v, Updates.at(T0).count("conversion.goal.signup").build());
    for (int i = 1; i <= 100; i++) {
      apply(v, pageviewNumber(i));
    }
    Profile p = read(v);
    assertThat(p.total("conversion.goal.signup")).isEqualTo(1);
    assertThat(p.counters()).hasSize(21);
  }

  @DisplayName("the cap per profile evicts the least recent buckets across event names")
  @Test
  void theProfileCapTakesTheLeastRecentAcrossEvents() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(SMALL));
    ProfileKey v = newVisitor();
    for (int i = 0; i < 100; i++) {
      apply(v, pageviewNumber(i));
    }
    for (int i = 100; i < 200; i++) {
      apply(v, Updates.at(T0.plusSeconds(i)).count("click.id." + value(i)).build());
    }
    Set<String> expected = counterKeys("click.id.", IntStream.range(180, 200));
    expected.addAll(counterKeys("pageview.category.", IntStream.range(90, 100)));
    assertThat(read(v).counters().keySet()).isEqualTo(expected);
  }

  @DisplayName("among buckets counted at the same instant, the names that sort first go first")
  @Test
  void oneUpdateBeyondTheCapKeepsTheNamesThatSortLast() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(SMALL));
    ProfileKey v = newVisitor();
    ProfileUpdate.Builder update = Updates.at(T0);
    for (int i = 49; i >= 0; i--) {
      update.count("custom.name." + value(i)).score("tag." + value(i));
    }
    apply(v, update.build());
    Profile p = read(v);
    assertThat(p.counters().keySet())
        .isEqualTo(counterKeys("custom.name.", IntStream.range(30, 50)));
    assertThat(p.scores().keySet()).isEqualTo(counterKeys("tag.", IntStream.range(25, 50)));
  }

  @DisplayName("a bucket of an earlier day is less recent than today's and goes first")
  @Test
  void olderDayBucketsGoBeforeTodays() {
    store = newStore(ProfileSettings.DEFAULTS.withCaps(new ProfileCaps(3, 3, 3)));
    ProfileKey v = newVisitor();
    Instant dayOne = T0.plus(Duration.ofDays(1));
    apply(v, Updates.pageview(T0, "shoes"));
    apply(v, Updates.pageview(dayOne, "shoes"));
    apply(v, Updates.pageview(dayOne.plusSeconds(1), "bags"));
    apply(v, Updates.pageview(dayOne.plusSeconds(2), "hats"));

    Profile p = read(v);
    assertThat(p.counters().get("pageview.category.shoes")).isEqualTo(Map.of(DAY0.plusDays(1), 1L));
    assertThat(p.counters())
        .containsOnlyKeys(
            "pageview.category.shoes", "pageview.category.bags", "pageview.category.hats");
  }

  Map<String, Object> traits(String customerId) {
    return store.customerTraits(SPACE, customerId).await().atMost(WAIT);
  }

  static ProfileUpdate consent(boolean personalization, boolean analytics, Instant at) {
    return Updates.at(at)
        .op(new ProfileOp.SetConsent(new Consent(personalization, analytics, at)))
        .build();
  }
}
