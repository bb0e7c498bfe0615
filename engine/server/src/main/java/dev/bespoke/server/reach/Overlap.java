package dev.bespoke.server.reach;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST …/segments/reach}: two segments over the same sample of recently seen visitors.
 *
 * @param segments the two segment keys, in the order asked
 * @param inFirst visitors in the first segment
 * @param inSecond visitors in the second segment
 * @param inBoth visitors in both
 * @param since when the oldest visitor in the sample was seen; {@code null} for an empty sample
 */
public record Overlap(
    List<String> segments,
    int sampleSize,
    int inFirst,
    int inSecond,
    int inBoth,
    double shareFirst,
    double shareSecond,
    double shareBoth,
    Instant since) {}
