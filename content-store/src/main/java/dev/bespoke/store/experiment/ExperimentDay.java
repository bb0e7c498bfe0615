package dev.bespoke.store.experiment;

import java.time.LocalDate;

/**
 * New exposed visitors and new converting visitors of one arm on one day (the space's time zone):
 * the daily series behind the results charts. Cumulative figures are running sums of these.
 */
public record ExperimentDay(LocalDate day, String arm, long visitors, long conversions) {}
