package dev.bespoke.server.experiment.counting;

import java.time.LocalDate;

/**
 * When an exposure or conversion is counted, in the three forms the counters keep it.
 *
 * @param day the day in the space's time zone, for the daily series
 * @param bucket the burst check's bucket: epoch milliseconds divided by the bucket's width
 * @param epochMillis the instant itself, for the time from exposure to conversion
 */
public record Moment(LocalDate day, long bucket, long epochMillis) {}
