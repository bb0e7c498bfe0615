package dev.bespoke.server.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoreTest {

  static final Duration HALF_LIFE = Duration.ofDays(14);
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aScoreHalvesEveryHalfLife() {
    Score score = new Score(8, T0);
    assertThat(score.valueAt(T0, HALF_LIFE)).isEqualTo(8);
    assertThat(score.valueAt(T0.plus(HALF_LIFE), HALF_LIFE)).isCloseTo(4, within(1e-12));
    assertThat(score.valueAt(T0.plus(HALF_LIFE.multipliedBy(3)), HALF_LIFE))
        .isCloseTo(1, within(1e-12));
    assertThat(score.valueAt(T0.plus(Duration.ofDays(7)), HALF_LIFE))
        .isCloseTo(8 / Math.sqrt(2), within(1e-12));
  }

  @Test
  void aMomentBeforeTheReferenceReadsAsTheReference() {
    assertThat(new Score(2, T0).valueAt(T0.minusSeconds(60), HALF_LIFE)).isEqualTo(2);
  }

  @Test
  void addingDecaysBothToTheLaterInstantWhicheverComesFirst() {
    Score old = new Score(1, T0);
    Score recent = new Score(1, T0.plus(HALF_LIFE));
    Score a = old.plus(recent, HALF_LIFE);
    Score b = recent.plus(old, HALF_LIFE);
    assertThat(a.asOf()).isEqualTo(T0.plus(HALF_LIFE));
    assertThat(a.value()).isCloseTo(1.5, within(1e-12));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void threeRecentEventsOutweighTenOldOnes() {
    Score old = new Score(10, T0);
    Score recent = new Score(3, T0.plus(Duration.ofDays(60)));
    Instant now = T0.plus(Duration.ofDays(60));
    assertThat(recent.valueAt(now, HALF_LIFE)).isGreaterThan(old.valueAt(now, HALF_LIFE));
  }

  @Test
  void oneEventBecomesNegligibleAfterAboutSevenHalfLives() {
    Score one = new Score(1, T0);
    assertThat(one.valueAt(T0.plus(HALF_LIFE.multipliedBy(6)), HALF_LIFE))
        .isGreaterThan(Score.NEGLIGIBLE);
    assertThat(one.valueAt(T0.plus(HALF_LIFE.multipliedBy(7)), HALF_LIFE))
        .isLessThan(Score.NEGLIGIBLE);
  }
}
