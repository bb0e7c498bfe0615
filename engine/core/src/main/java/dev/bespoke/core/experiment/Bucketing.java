package dev.bespoke.core.experiment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Hash version 1: how a unit id becomes a bucket and an arm. Every step is fixed and published in
 * {@code docs/bucketing.md} with golden vectors, because a JavaScript or Swift client that assigns
 * locally must land every visitor exactly where the server does.
 *
 * <ol>
 *   <li>Text: {@code salt + ":" + unitId}, encoded as UTF-8 with no Unicode normalisation (NFC and
 *       NFD spellings of the same name are different ids, as they are different byte strings).
 *   <li>Hash: MurmurHash3 x86 32-bit of those bytes with seed {@value #SEED}, read as an unsigned
 *       32-bit number.
 *   <li>Bucket: that number modulo {@value #BUCKETS}. The modulo bias (2^32 is not a multiple of
 *       10,000) is below one part in 400,000 and is accepted for simplicity in every language.
 * </ol>
 *
 * <p>Two draws per experiment use different salts: {@code <key>:traffic} decides whether the unit
 * is in the experiment (bucket below {@code trafficPercent × 100}), {@code <key>:arm} decides the
 * arm. Different salts make the two draws independent, so the units that are in the traffic are a
 * fair sample of every arm; and because the arm draw ignores the traffic percent, raising traffic
 * from 50% to 80% only adds units and never moves one that was already in an arm.
 */
public final class Bucketing {

  /** The algorithm described above; stored on every experiment. */
  public static final int HASH_VERSION = 1;

  /**
   * Fixed forever for version 1. Zero because it is the default of most MurmurHash3 libraries, so a
   * client implementer rarely has to pass it at all.
   */
  public static final int SEED = 0;

  /** 10,000 buckets: arm shares resolve to 0.01%, ample for any weight split. */
  public static final int BUCKETS = 10_000;

  private static final List<Integer> SUPPORTED = List.of(HASH_VERSION);

  private Bucketing() {}

  public static boolean supports(int hashVersion) {
    return SUPPORTED.contains(hashVersion);
  }

  /** The salt of the draw that decides whether a unit is in the experiment at all. */
  public static String trafficSalt(String experimentKey) {
    return experimentKey + ":traffic";
  }

  /** The salt of the draw that decides the arm. */
  public static String armSalt(String experimentKey) {
    return experimentKey + ":arm";
  }

  /** MurmurHash3 x86 32-bit of UTF-8 {@code salt:unitId}, seed {@value #SEED}, unsigned. */
  public static long hash(String salt, String unitId) {
    byte[] bytes =
        (Objects.requireNonNull(salt, "salt") + ":" + Objects.requireNonNull(unitId, "unitId"))
            .getBytes(StandardCharsets.UTF_8);
    return Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, SEED));
  }

  /** {@link #hash} modulo {@value #BUCKETS}: 0..9,999. */
  public static int bucket(String salt, String unitId) {
    return (int) (hash(salt, unitId) % BUCKETS);
  }

  /** Where {@code unitId} falls in {@code experiment}. Deterministic; no state, no randomness. */
  public static Assignment assign(ExperimentSpec experiment, String unitId) {
    if (!supports(experiment.hashVersion())) {
      // Unreachable through the record's own check; kept so a new version cannot be half-added.
      throw new IllegalArgumentException("unknown hashVersion " + experiment.hashVersion());
    }
    String key = experiment.key();
    int trafficBucket = bucket(trafficSalt(key), unitId);
    if (trafficBucket >= experiment.trafficPercent() * (BUCKETS / 100)) {
      return new Assignment.NotInExperiment(key, trafficBucket);
    }
    int armBucket = bucket(armSalt(key), unitId);
    return new Assignment.InArm(key, armFor(experiment, armBucket), trafficBucket, armBucket);
  }

  /**
   * Arms take consecutive bucket ranges in their listed order; arm {@code i} ends (exclusive) at
   * {@code floor(cumulativeWeight(i) × 10,000 / totalWeight)}. A weight of 0 gives an empty range.
   */
  static Arm armFor(ExperimentSpec experiment, int armBucket) {
    long total = experiment.totalWeight();
    long cumulative = 0;
    for (Arm arm : experiment.arms()) {
      cumulative += arm.weight();
      if (armBucket < cumulative * BUCKETS / total) {
        return arm;
      }
    }
    throw new IllegalStateException("bucket " + armBucket + " beyond the last arm");
  }
}
