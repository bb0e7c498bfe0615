package dev.bespoke.server.reach;

import java.time.Instant;

/**
 * {@code POST …/segments/{key}/reach}: how many of the recently seen visitors the segment takes in.
 *
 * @param sampleSize the visitors (live decision requests) in this node's sample; 0 means no visitor
 *     was seen recently and {@code share} says nothing
 * @param share {@code matching / sampleSize}, between 0 and 1; 0 for an empty sample
 * @param since when the oldest visitor in the sample was seen; {@code null} for an empty sample
 */
public record Reach(String segment, int sampleSize, int matching, double share, Instant since) {}
