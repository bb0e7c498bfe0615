package dev.bespoke.ui.spi;

import java.util.List;

/**
 * One slot's decision for a previewed visitor.
 *
 * @param variant the chosen variant's key, null when nothing could be served
 * @param title the chosen variant's title field, if it has one, for a recognisable preview
 * @param trace what became of every variant considered, in the order the engine weighed them
 */
public record PreviewDecision(
    String slot,
    String variant,
    String title,
    List<String> segments,
    String reason,
    boolean usedDefault,
    List<TraceLine> trace) {

  public PreviewDecision {
    segments = List.copyOf(segments);
    trace = List.copyOf(trace);
  }

  /** One variant and why it was taken or passed over. */
  public record TraceLine(String variant, String outcome, String why) {}
}
