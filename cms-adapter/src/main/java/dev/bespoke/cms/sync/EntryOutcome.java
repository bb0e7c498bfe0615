package dev.bespoke.cms.sync;

import java.util.List;

/**
 * What one entry event did.
 *
 * @param outcome {@code applied}, {@code unchanged} (a replay or an older revision) or {@code
 *     ignored} (an event that does not change delivery)
 * @param variants the variants touched, as {@code slot/variant}
 * @param status the variants' status afterwards ({@code in_review}, {@code published}, {@code
 *     draft}, {@code archived}); null when nothing changed
 */
public record EntryOutcome(
    String entryId,
    String action,
    long revision,
    String outcome,
    List<String> variants,
    String status,
    String detail) {}
