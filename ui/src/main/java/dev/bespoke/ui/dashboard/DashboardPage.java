package dev.bespoke.ui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.ui.experiment.ResultsView;
import dev.bespoke.ui.reach.ReachWords;
import dev.bespoke.ui.spi.ExperimentRunner;
import dev.bespoke.ui.spi.ReachEstimator;
import dev.bespoke.ui.spi.ReachEstimator.Estimate;
import dev.bespoke.ui.support.Chrome;
import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** The start page: live slots, running experiments with their current lift, segments by reach. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

  private static final Logger LOG = Logger.getLogger(DashboardPage.class);

  /** A named link with a status. */
  public record Item(String key, String name, String status, String link) {}

  /**
   * A running experiment and how its arms compare with the control so far.
   *
   * @param results empty when they could not be computed; {@code problem} says why
   */
  public record Running(
      String key, String slot, String link, Optional<ResultsView> results, String problem) {}

  /**
   * A segment with the share of recently seen visitors it takes in.
   *
   * @param share between 0 and 1, for ordering and the bar
   * @param words the share in words, empty when no visitor was seen
   */
  public record Reached(
      String key,
      String name,
      String status,
      String link,
      double share,
      int barWidth,
      String words) {}

  /**
   * What the dashboard shows.
   *
   * @param sampleSize recently seen visitors the reach figures are computed over
   */
  public record Summary(
      long liveSlots,
      long inReview,
      List<Running> running,
      List<Reached> segments,
      int sampleSize,
      List<Item> slots) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(Chrome chrome, Summary summary, String noVisitors);
  }

  private final SlotService slots;
  private final SegmentService segments;
  private final ExperimentService experiments;
  private final ExperimentRunner runner;
  private final ReachEstimator reach;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public DashboardPage(
      SlotService slots,
      SegmentService segments,
      ExperimentService experiments,
      ExperimentRunner runner,
      ReachEstimator reach,
      ConsoleUser user,
      ConsoleConfig config) {
    this.slots = slots;
    this.segments = segments;
    this.experiments = experiments;
    this.runner = runner;
    this.reach = reach;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance dashboard() {
    String space = config.space();
    var everySlot = all(page -> slots.list(space, Optional.empty(), page).items());
    long live = everySlot.stream().filter(s -> "published".equals(s.status())).count();
    List<Segment> everySegment = all(page -> segments.list(space, Optional.empty(), page).items());
    long inReview =
        everySlot.stream().filter(s -> "in_review".equals(s.status())).count()
            + everySegment.stream().filter(s -> "in_review".equals(s.status())).count();
    List<Running> running =
        all(page -> experiments.list(space, Optional.of("running"), page).items()).stream()
            .map(e -> running(space, e))
            .toList();
    ReachedSegments reached = reached(space, everySegment);
    List<Item> slotItems =
        everySlot.stream()
            .map(s -> new Item(s.key(), s.name(), s.status(), "/console/slots/" + s.key()))
            .toList();
    return Templates.dashboard(
        user.chrome("dashboard", "Dashboard"),
        new Summary(live, inReview, running, reached.segments(), reached.sampleSize(), slotItems),
        ReachWords.NO_VISITORS);
  }

  private Running running(String space, Experiment e) {
    String link = "/console/experiments/" + e.key();
    try {
      return new Running(
          e.key(), e.slot(), link, Optional.of(ResultsView.of(runner.results(space, e.key()))), "");
    } catch (RuntimeException failure) {
      // One experiment whose counts cannot be read must not take the whole start page down.
      LOG.warnf(failure, "results of experiment %s for the dashboard", e.key());
      return new Running(
          e.key(), e.slot(), link, Optional.empty(), "Results could not be read just now.");
    }
  }

  private record ReachedSegments(List<Reached> segments, int sampleSize) {}

  /** Every segment's saved rule over one sample of recent visitors, largest reach first. */
  private ReachedSegments reached(String space, List<Segment> everySegment) {
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    everySegment.forEach(s -> rules.put(s.key(), s.rule()));
    Map<String, Estimate> estimates = new LinkedHashMap<>();
    reach.reachOfEach(space, rules).forEach(e -> estimates.put(e.segment(), e));
    int sampleSize =
        estimates.values().stream().mapToInt(Estimate::sampleSize).findFirst().orElse(0);
    List<Reached> list = new ArrayList<>();
    for (Segment s : everySegment) {
      Estimate e = estimates.get(s.key());
      double share = e == null || e.sampleSize() == 0 ? 0 : (double) e.matching() / e.sampleSize();
      String words =
          e == null || e.sampleSize() == 0
              ? ""
              : ReachWords.percent(e.matching(), e.sampleSize())
                  + " ("
                  + e.matching()
                  + " of "
                  + e.sampleSize()
                  + ")";
      list.add(
          new Reached(
              s.key(),
              s.name(),
              s.status(),
              "/console/segments/" + s.key(),
              share,
              (int) Math.round(share * 100),
              words));
    }
    list.sort(Comparator.comparingDouble(Reached::share).reversed().thenComparing(Reached::name));
    return new ReachedSegments(list, sampleSize);
  }

  /** Every page of a listing; the dashboard summarises the whole space, not its first page. */
  private static <T> List<T> all(Function<PageRequest, List<T>> pages) {
    List<T> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<T> next = pages.apply(new PageRequest(page, PageRequest.MAX_SIZE));
      all.addAll(next);
      if (next.size() < PageRequest.MAX_SIZE) {
        return all;
      }
    }
  }
}
