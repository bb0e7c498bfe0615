package dev.bespoke.server.experiment.counting;

/**
 * The outcome of an exposure.
 *
 * @param arm the arm the visitor is counted in: the one of their first exposure, which a later
 *     exposure never changes
 * @param first whether this exposure was the visitor's first, i.e. counted now
 */
public record Exposure(String arm, boolean first) {}
