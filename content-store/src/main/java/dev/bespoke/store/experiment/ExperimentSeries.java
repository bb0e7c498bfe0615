package dev.bespoke.store.experiment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The daily series of an experiment's counts. The counters are the source of truth while the
 * experiment runs; each flush replaces the stored series with what they hold, so a repeated or
 * overlapping flush can never add a day twice.
 */
@ApplicationScoped
@Transactional
public class ExperimentSeries {

  private final ExperimentDayRepository days;

  public ExperimentSeries(ExperimentDayRepository days) {
    this.days = days;
  }

  /** Replaces the stored series of the experiment with {@code series}. */
  public void replace(String space, String experiment, List<ExperimentDay> series) {
    days.deleteOf(space, experiment);
    days.flush();
    for (ExperimentDay d : series) {
      ExperimentDayEntity row = new ExperimentDayEntity();
      row.space = space;
      row.experiment = experiment;
      row.day = d.day();
      row.arm = d.arm();
      row.visitors = d.visitors();
      row.conversions = d.conversions();
      days.persist(row);
    }
  }

  /** The stored series by day, then arm. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ExperimentDay> of(String space, String experiment) {
    return days.of(space, experiment).stream()
        .map(e -> new ExperimentDay(e.day, e.arm, e.visitors, e.conversions))
        .toList();
  }
}
