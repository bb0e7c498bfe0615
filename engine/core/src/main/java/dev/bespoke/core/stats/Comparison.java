package dev.bespoke.core.stats;

import java.util.OptionalDouble;

/**
 * One variant arm against the control.
 *
 * @param arm the variant arm
 * @param controlArm the control arm
 * @param absoluteLift {@code rate(arm) − rate(control)}
 * @param relativeLift {@code absoluteLift / rate(control)}; empty while the control has no
 *     conversions, when it is undefined
 * @param alpha the level this comparison is judged at: the experiment's alpha split evenly over the
 *     comparisons (Bonferroni), so that with several variants the chance of any false win stays at
 *     most the experiment's alpha
 * @param fixedHorizon the classical z-test and interval: shown because analysts know them, valid
 *     only for one look at a planned size, never the basis of the verdict
 * @param sequential the always-valid p-value and confidence sequence, which decide the verdict
 * @param significant {@code sequential.pValue() < alpha}
 * @param chanceToBeatControl the Bayesian {@code P(rate(arm) > rate(control))}
 * @param verdict what this comparison alone supports
 */
public record Comparison(
    String arm,
    String controlArm,
    double absoluteLift,
    OptionalDouble relativeLift,
    double alpha,
    FixedHorizonTest fixedHorizon,
    SequentialEvidence sequential,
    boolean significant,
    double chanceToBeatControl,
    Verdict verdict) {}
