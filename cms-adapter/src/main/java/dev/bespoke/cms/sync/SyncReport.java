package dev.bespoke.cms.sync;

import java.util.List;

/** The answer to a webhook or an import: counts and one outcome per entry event. */
public record SyncReport(
    int applied, int unchanged, int ignored, List<EntryOutcome> results, List<LineError> errors) {

  /** A line of an import that could not be applied; the others were. */
  public record LineError(int line, String entryId, String message) {}

  static SyncReport of(List<EntryOutcome> results, List<LineError> errors) {
    int applied = 0;
    int unchanged = 0;
    int ignored = 0;
    for (EntryOutcome r : results) {
      switch (r.outcome()) {
        case EntrySync.APPLIED -> applied++;
        case EntrySync.UNCHANGED -> unchanged++;
        default -> ignored++;
      }
    }
    return new SyncReport(applied, unchanged, ignored, List.copyOf(results), List.copyOf(errors));
  }
}
