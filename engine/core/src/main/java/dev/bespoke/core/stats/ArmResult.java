package dev.bespoke.core.stats;

/**
 * One arm's own figures.
 *
 * @param arm the arm key
 * @param variantKey the variant it serves, {@code null} in a holdout
 * @param control whether this is the arm the others are compared against
 * @param configuredShare the arm's weight over the total weight: the share of visitors it should
 *     get
 * @param observedShare its share of all exposed visitors; far from {@code configuredShare} is what
 *     the sample-ratio check flags
 * @param visitors exposed visitors
 * @param conversions visitors who converted on the goal
 * @param rate {@code conversions / visitors}, 0 with no visitors
 * @param rateInterval the 95% {@link Wilson} interval of the rate
 * @param enoughEvidence whether the arm meets the minimum-evidence rule
 */
public record ArmResult(
    String arm,
    String variantKey,
    boolean control,
    double configuredShare,
    double observedShare,
    long visitors,
    long conversions,
    double rate,
    Interval rateInterval,
    boolean enoughEvidence) {}
