package dev.bespoke.server.experiment.results;

import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.stats.ArmCounts;
import dev.bespoke.core.stats.ArmResult;
import dev.bespoke.core.stats.BurstCheck;
import dev.bespoke.core.stats.BurstFindings;
import dev.bespoke.core.stats.Comparison;
import dev.bespoke.core.stats.ExperimentResults;
import dev.bespoke.core.stats.Interval;
import dev.bespoke.core.stats.ResultsCalculator;
import dev.bespoke.server.experiment.ExperimentSpecs;
import dev.bespoke.server.experiment.counting.BurstGuard;
import dev.bespoke.server.experiment.counting.CounterKey;
import dev.bespoke.server.experiment.counting.CounterValues;
import dev.bespoke.server.experiment.counting.Exclusion;
import dev.bespoke.server.experiment.counting.ExperimentCounters;
import dev.bespoke.server.experiment.lifecycle.ExperimentRunner;
import dev.bespoke.server.experiment.results.ResultsView.ArmView;
import dev.bespoke.server.experiment.results.ResultsView.Burst;
import dev.bespoke.server.experiment.results.ResultsView.BurstFigure;
import dev.bespoke.server.experiment.results.ResultsView.DayArm;
import dev.bespoke.server.experiment.results.ResultsView.DayView;
import dev.bespoke.server.experiment.results.ResultsView.Excluded;
import dev.bespoke.server.experiment.results.ResultsView.Range;
import dev.bespoke.server.experiment.results.ResultsView.SampleRatio;
import dev.bespoke.server.experiment.results.ResultsView.VsControl;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentDay;
import dev.bespoke.store.experiment.ExperimentService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an experiment's counts (live while it runs, frozen once it stopped, none before it started)
 * and computes its results with the core's {@link ResultsCalculator}, the burst check's findings
 * included.
 */
@ApplicationScoped
public class ResultsService {

  private static final Duration READ_BUDGET = Duration.ofSeconds(5);

  private final ExperimentService experiments;
  private final ExperimentCounters counters;
  private final ExperimentRunner runner;
  private final BurstGuard burstGuard;
  private final Clock clock;
  private final ResultsCalculator calculator = new ResultsCalculator();

  public ResultsService(
      ExperimentService experiments,
      ExperimentCounters counters,
      ExperimentRunner runner,
      BurstGuard burstGuard,
      Clock clock) {
    this.experiments = experiments;
    this.counters = counters;
    this.runner = runner;
    this.burstGuard = burstGuard;
    this.clock = clock;
  }

  public ResultsView results(String space, String key) {
    Reading reading = read(space, key);
    return view(
        reading.experiment(),
        reading.frozen(),
        reading.results(),
        reading.values(),
        reading.burst());
  }

  /**
   * The core's results, as the console shows them: the same numbers and verdict as {@link
   * #results}.
   */
  public ExperimentResults computed(String space, String key) {
    return read(space, key).results();
  }

  private Reading read(String space, String key) {
    Experiment experiment = experiments.get(space, key);
    Optional<String> frozen = experiments.frozenCounts(space, key);
    CounterValues values;
    BurstFindings burst;
    if (frozen.isPresent()) {
      values = runner.frozen(frozen.get());
      burst = BurstGuard.recorded(values);
    } else if ("running".equals(experiment.status())) {
      CounterKey counterKey = CounterKey.of(space, key, experiment.startedAt());
      BurstGuard.Reviewed reviewed =
          burstGuard.review(counterKey, counters.read(counterKey).await().atMost(READ_BUDGET));
      values = reviewed.values();
      burst = reviewed.findings();
    } else {
      values = CounterValues.EMPTY;
      burst = BurstFindings.NONE;
    }
    ExperimentSpec spec = ExperimentSpecs.of(experiment);
    List<ArmCounts> counts = new ArrayList<>();
    for (Arm arm : spec.arms()) {
      long visitors = values.visitors(arm.key());
      counts.add(
          new ArmCounts(arm.key(), visitors, Math.min(visitors, values.conversions(arm.key()))));
    }
    return new Reading(
        experiment, frozen.isPresent(), values, burst, calculator.calculate(spec, counts, burst));
  }

  private record Reading(
      Experiment experiment,
      boolean frozen,
      CounterValues values,
      BurstFindings burst,
      ExperimentResults results) {}

  private Burst burst(BurstFindings findings) {
    var rule = burstGuard.rule();
    return new Burst(
        findings.burst(),
        rule.windowMillis() / 1000,
        rule.factor(),
        rule.floor(),
        figure(findings.visitors()),
        figure(findings.conversions()));
  }

  private static BurstFigure figure(BurstCheck check) {
    return new BurstFigure(check.judged(), check.burst(), check.inWindow(), check.expected());
  }

  private ResultsView view(
      Experiment e,
      boolean frozen,
      ExperimentResults results,
      CounterValues values,
      BurstFindings burstFindings) {
    Map<String, Comparison> byArm = new HashMap<>();
    results.comparisons().forEach(c -> byArm.put(c.arm(), c));
    List<ArmView> arms = new ArrayList<>();
    for (ArmResult a : results.arms()) {
      Comparison c = byArm.get(a.arm());
      arms.add(
          new ArmView(
              a.arm(),
              a.variantKey(),
              a.control(),
              a.configuredShare(),
              a.observedShare(),
              a.visitors(),
              a.conversions(),
              a.rate(),
              range(a.rateInterval()),
              a.enoughEvidence(),
              c == null ? null : vsControl(c)));
    }
    var srm = results.srm();
    return new ResultsView(
        e.key(),
        e.slot(),
        e.type(),
        e.status(),
        e.goal(),
        results.alpha(),
        e.exposure(),
        e.hashVersion(),
        e.startedAt(),
        e.stoppedAt(),
        frozen,
        clock.instant(),
        arms,
        new SampleRatio(
            srm.chiSquare(),
            srm.degreesOfFreedom(),
            srm.pValue(),
            calculator.policy().srmThreshold(),
            srm.mismatch()),
        burst(burstFindings),
        wire(results.verdict().name()),
        wire(results.basis().name()),
        results.summary(),
        new Excluded(
            values.excluded(Exclusion.NO_ANALYTICS_CONSENT),
            values.excluded(Exclusion.NOT_EXPOSED),
            values.excluded(Exclusion.TOO_SOON)),
        daily(values.days()));
  }

  private static VsControl vsControl(Comparison c) {
    return new VsControl(
        c.absoluteLift(),
        c.relativeLift().isPresent() ? c.relativeLift().getAsDouble() : null,
        range(c.fixedHorizon().difference()),
        c.fixedHorizon().z(),
        c.fixedHorizon().pValue(),
        c.fixedHorizon().significant(),
        c.significant(),
        c.alpha(),
        c.sequential().pValue(),
        range(c.sequential().confidenceSequence()),
        "always-valid-test",
        c.chanceToBeatControl(),
        wire(c.verdict().name()));
  }

  private static List<DayView> daily(List<ExperimentDay> days) {
    Map<LocalDate, List<ExperimentDay>> byDay = new TreeMap<>();
    days.forEach(d -> byDay.computeIfAbsent(d.day(), x -> new ArrayList<>()).add(d));
    Map<String, long[]> totals = new HashMap<>();
    List<DayView> views = new ArrayList<>();
    byDay.forEach(
        (day, arms) -> {
          List<DayArm> dayArms = new ArrayList<>();
          for (ExperimentDay d : arms) {
            long[] t = totals.computeIfAbsent(d.arm(), a -> new long[2]);
            t[0] += d.visitors();
            t[1] += d.conversions();
            dayArms.add(new DayArm(d.arm(), d.visitors(), d.conversions(), t[0], t[1]));
          }
          views.add(new DayView(day, dayArms));
        });
    return views;
  }

  private static Range range(Interval i) {
    return new Range(i.lower(), i.upper());
  }

  private static String wire(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
