package dev.bespoke.core.decision;

import java.util.List;
import java.util.Optional;

/**
 * The variant chosen for one slot and one visitor.
 *
 * @param variant the chosen variant; empty only when the slot has no default and nothing fit
 * @param matchedSegments the visitor's segments that the chosen variant targets
 * @param reason why, in plain words, naming segments and rules but never the visitor's values
 * @param usedDefault whether the slot's default was served because nothing more specific fit
 * @param trace every variant considered, when the input asked for it; otherwise empty
 */
public record Decision(
    String slot,
    Optional<VariantRule> variant,
    List<String> matchedSegments,
    String reason,
    boolean usedDefault,
    List<Consideration> trace) {

  public Decision {
    matchedSegments = List.copyOf(matchedSegments);
    trace = List.copyOf(trace);
  }
}
