package dev.bespoke.ui.reach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.StoreException;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.ui.spi.ReachEstimator;
import dev.bespoke.ui.support.Forms;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The segment builder's reach estimate for the rule on screen, saved or not. */
@ApplicationScoped
public class SegmentReach {

  /** A stand-in name for a segment whose key is not typed yet. */
  static final String UNNAMED = "this segment";

  /**
   * What the builder shows under the rule.
   *
   * @param reach the rule's reach in words, empty when the rule has errors
   * @param overlap the overlap with the segment picked to compare, or empty
   * @param errors why the rule cannot be estimated, by path inside it
   */
  public record Result(String reach, String overlap, List<FieldError> errors) {}

  private final ReachEstimator estimator;

  public SegmentReach(ReachEstimator estimator) {
    this.estimator = estimator;
  }

  /**
   * @param key the segment's key as typed, possibly blank
   * @param ruleText the rule's JSON view
   * @param compare another segment's key to compare with, possibly blank
   */
  public Result of(String space, String key, String ruleText, String compare) {
    String name = key == null || key.isBlank() ? UNNAMED : key.strip();
    try {
      JsonNode rule = Forms.json("rule", ruleText);
      if (rule == null) {
        throw ValidationException.of("rule", "is required");
      }
      String reach = ReachWords.reach(name, estimator.reach(space, name, Optional.of(rule)));
      String overlap = "";
      if (compare != null && !compare.isBlank() && !compare.strip().equals(name)) {
        overlap =
            ReachWords.overlap(
                name,
                compare.strip(),
                estimator.overlap(space, name, compare.strip(), Optional.of(rule)));
      }
      return new Result(reach, overlap, List.of());
    } catch (ValidationException e) {
      return new Result("", "", e.errors());
    } catch (StoreException e) {
      return new Result("", "", List.of(new FieldError("compare", e.getMessage())));
    }
  }
}
