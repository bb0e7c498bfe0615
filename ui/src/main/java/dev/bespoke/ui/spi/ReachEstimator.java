package dev.bespoke.ui.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reach of segments over the engine's sample of recently seen visitors. */
public interface ReachEstimator {

  /**
   * The segment's reach; of {@code unsavedRule} instead of its saved rule when given.
   *
   * @throws dev.bespoke.store.common.ValidationException when the rule does not compile, naming the
   *     path inside it
   */
  Estimate reach(String space, String segment, Optional<JsonNode> unsavedRule);

  /**
   * Reach of each saved rule over one sample, in the order given; a rule that no longer compiles is
   * left out.
   */
  List<Estimate> reachOfEach(String space, Map<String, JsonNode> savedRules);

  /** Two segments over the same sample; {@code unsavedFirst} replaces the first one's rule. */
  Overlap overlap(String space, String first, String second, Optional<JsonNode> unsavedFirst);

  /**
   * @param sampleSize recently seen visitors in the sample; 0 means none were seen
   * @param since when the oldest of them was seen; {@code null} for an empty sample
   */
  record Estimate(String segment, int sampleSize, int matching, double share, Instant since) {}

  /** How many of the sample are in the first, the second and both segments. */
  record Overlap(
      String first,
      String second,
      int sampleSize,
      int inFirst,
      int inSecond,
      int inBoth,
      Instant since) {}
}
