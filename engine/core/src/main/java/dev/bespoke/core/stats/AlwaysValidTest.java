package dev.bespoke.core.stats;

/**
 * The mixture sequential probability ratio test (mSPRT) for the difference of two conversion rates,
 * after Johari, Koomen, Pekelis and Walsh, "Always valid inference: continuous monitoring of A/B
 * tests" (Operations Research 70(3), 2022), in its normal approximation.
 *
 * <p>The estimate {@code θ̂ = p̂B − p̂A} is treated as {@code N(θ, V)} with the unpooled variance
 * {@code V = p̂A(1−p̂A)/nA + p̂B(1−p̂B)/nB}. Against the null {@code θ = θ₀} the likelihood ratio,
 * mixed over alternatives {@code θ ~ N(θ₀, τ²)}, is
 *
 * <pre>
 *   Λ(θ₀) = sqrt(V / (V + τ²)) · exp( (θ̂ − θ₀)² · τ² / (2V(V + τ²)) )
 * </pre>
 *
 * Under the null, Λ is a nonnegative martingale with mean 1, so by Ville's inequality the chance
 * that it <em>ever</em> reaches {@code 1/alpha}, however often it is looked at, is at most {@code
 * alpha}. Hence:
 *
 * <ul>
 *   <li>always-valid p-value {@code p = min(1, 1/Λ(0))};
 *   <li>confidence sequence, the {@code θ₀} not rejected at level {@code alpha}: {@code θ̂ ± sqrt(
 *       V(V + τ²)/τ² · (2·ln(1/alpha) + ln((V + τ²)/V)) )}, clamped to [−1, 1].
 * </ul>
 *
 * The two agree: {@code p < alpha} exactly when 0 is outside the sequence. Computed from the
 * current counts alone, {@code p} is conservative (the textbook p-value is the running minimum,
 * which {@link SequentialEvidence#narrowedBy} gives when earlier evidence is kept).
 *
 * <p><b>Mixing variance τ².</b> τ is the size of difference the test is tuned to find, in absolute
 * rate (0.02 = two percentage points). The default τ² = {@value #DEFAULT_MIXTURE_VARIANCE} suits
 * slot click-through and add-to-cart goals, where personalisation moves rates by one to a few
 * points. Mis-tuning costs little, because τ² enters through a logarithm: the z-score needed to
 * decide is at best about 3.04 (alpha 0.05, when τ² is about 8 times V) and stays within 11% of
 * that while τ² is anywhere from 2 to 200 times V. Choose τ² before the experiment starts, never
 * from the data being tested.
 *
 * <p>An empty arm, or zero estimated variance (every visitor converted, or none did, in both arms),
 * carries no evidence: {@code p = 1}, sequence [−1, 1].
 */
public final class AlwaysValidTest {

  /** τ² = 0.0004, that is τ = 0.02: tuned for differences of about two percentage points. */
  public static final double DEFAULT_MIXTURE_VARIANCE = 0.0004;

  private final double mixtureVariance;

  public AlwaysValidTest(double mixtureVariance) {
    if (!(mixtureVariance > 0) || Double.isInfinite(mixtureVariance)) {
      throw new IllegalArgumentException("mixture variance must be > 0, was " + mixtureVariance);
    }
    this.mixtureVariance = mixtureVariance;
  }

  public AlwaysValidTest() {
    this(DEFAULT_MIXTURE_VARIANCE);
  }

  public double mixtureVariance() {
    return mixtureVariance;
  }

  /** The evidence now, for the variant against the control, at level {@code alpha}. */
  public SequentialEvidence evaluate(ArmCounts control, ArmCounts variant, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
    }
    if (control.visitors() == 0 || variant.visitors() == 0) {
      return SequentialEvidence.NONE;
    }
    double pA = control.rate();
    double pB = variant.rate();
    double v = pA * (1 - pA) / control.visitors() + pB * (1 - pB) / variant.visitors();
    if (v == 0) {
      return SequentialEvidence.NONE;
    }
    double t2 = mixtureVariance;
    double difference = pB - pA;
    double logLambda =
        0.5 * Math.log(v / (v + t2)) + difference * difference * t2 / (2 * v * (v + t2));
    double p = Math.min(1, Math.exp(-logLambda));
    double half = Math.sqrt(v * (v + t2) / t2 * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)));
    return new SequentialEvidence(p, Interval.clamped(difference - half, difference + half, -1, 1));
  }
}
