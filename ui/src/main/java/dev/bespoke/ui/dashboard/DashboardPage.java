package dev.bespoke.ui.dashboard;

import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.SlotService;
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
import java.util.List;
import java.util.Optional;

/** The start page. */
@Path("/console")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

  /** A named link with a status. */
  public record Item(String key, String name, String status, String link) {}

  /** What the dashboard shows. */
  public record Summary(
      long liveSlots, long inReview, List<Item> running, List<Item> segments, List<Item> slots) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(Chrome chrome, Summary summary);
  }

  private final SlotService slots;
  private final SegmentService segments;
  private final ExperimentService experiments;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public DashboardPage(
      SlotService slots,
      SegmentService segments,
      ExperimentService experiments,
      ConsoleUser user,
      ConsoleConfig config) {
    this.slots = slots;
    this.segments = segments;
    this.experiments = experiments;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance dashboard() {
    String space = config.space();
    PageRequest all = new PageRequest(0, PageRequest.MAX_SIZE);
    var everySlot = slots.list(space, Optional.empty(), all).items();
    long live = everySlot.stream().filter(s -> "published".equals(s.status())).count();
    long inReview =
        everySlot.stream().filter(s -> "in_review".equals(s.status())).count()
            + segments.list(space, Optional.of("in_review"), all).total();
    List<Item> running =
        experiments.list(space, Optional.of("running"), all).items().stream()
            .map(e -> new Item(e.key(), e.slot(), e.status(), "/console/experiments/" + e.key()))
            .toList();
    List<Item> segmentItems =
        segments.list(space, Optional.empty(), all).items().stream()
            .map(s -> new Item(s.key(), s.name(), s.status(), "/console/segments/" + s.key()))
            .toList();
    List<Item> slotItems =
        everySlot.stream()
            .map(s -> new Item(s.key(), s.name(), s.status(), "/console/slots/" + s.key()))
            .toList();
    return Templates.dashboard(
        user.chrome("dashboard", "Dashboard"),
        new Summary(live, inReview, running, segmentItems, slotItems));
  }
}
