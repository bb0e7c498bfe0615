package dev.bespoke.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.history.AuditEntry;
import dev.bespoke.store.history.AuditFilter;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.variant.VariantService;
import dev.bespoke.ui.support.Chrome;
import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.ConsoleUser;
import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The review queue, version history with rollback, and the audit log. */
@Path("/console")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

  /** One change waiting for a publisher, with what it changes. */
  public record Pending(
      String type, String key, String slot, String name, String link, List<Diff.Line> diff) {}

  /** One stored version of an entity. */
  public record VersionRow(long version, String at, String actor, String status, String name) {}

  /** The history page. */
  public record HistoryView(
      String type, String key, String slot, String status, List<VersionRow> versions) {}

  /** The audit log with its filters. */
  public record AuditView(
      String entityType, String actor, List<String> kinds, List<AuditRow> entries) {}

  /** One audit entry as the log shows it. */
  public record AuditRow(
      String at,
      String actor,
      String action,
      String entityType,
      String entityKey,
      String from,
      long toVersion) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance queue(Chrome chrome, List<Pending> pending, String message);

    static native TemplateInstance history(Chrome chrome, HistoryView view);

    static native TemplateInstance audit(Chrome chrome, AuditView view);
  }

  private static final String IN_REVIEW = "in_review";

  private final SlotService slots;
  private final VariantService variants;
  private final SegmentService segments;
  private final ContentRef content;
  private final History history;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public ReviewPages(
      SlotService slots,
      VariantService variants,
      SegmentService segments,
      ContentRef content,
      History history,
      ConsoleUser user,
      ConsoleConfig config) {
    this.slots = slots;
    this.variants = variants;
    this.segments = segments;
    this.content = content;
    this.history = history;
    this.user = user;
    this.config = config;
  }

  @GET
  @Path("review")
  public TemplateInstance queue(@QueryParam("message") String message) {
    String space = config.space();
    PageRequest all = new PageRequest(0, PageRequest.MAX_SIZE);
    List<Pending> pending = new ArrayList<>();
    segments
        .list(space, Optional.of(IN_REVIEW), all)
        .items()
        .forEach(
            s ->
                pending.add(
                    pending("segment", s.key(), null, s.name(), "/console/segments/" + s.key())));
    List<Slot> everySlot = slots.list(space, Optional.empty(), all).items();
    everySlot.stream()
        .filter(s -> IN_REVIEW.equals(s.status()))
        .forEach(
            s ->
                pending.add(pending("slot", s.key(), null, s.name(), "/console/slots/" + s.key())));
    for (Slot slot : everySlot) {
      variants
          .list(space, slot.key(), Optional.of(IN_REVIEW), all)
          .items()
          .forEach(
              v ->
                  pending.add(
                      pending(
                          "variant",
                          v.key(),
                          slot.key(),
                          v.name(),
                          "/console/slots/" + slot.key() + "/variants/" + v.key())));
    }
    return Templates.queue(user.chrome("review", "Review"), pending, message);
  }

  @POST
  @Path("review/publish")
  public Response publish(@RestForm String type, @RestForm String key, @RestForm String slot) {
    user.requirePublisher();
    return act(
        () -> content.publish(config.space(), type, key, slot, user.name()), key, "published");
  }

  @POST
  @Path("review/unpublish")
  public Response unpublish(@RestForm String type, @RestForm String key, @RestForm String slot) {
    user.requirePublisher();
    return act(
        () -> content.unpublish(config.space(), type, key, slot, user.name()), key, "unpublished");
  }

  @GET
  @Path("history/{type}/{key}")
  public TemplateInstance history(
      @PathParam("type") String type,
      @PathParam("key") String key,
      @QueryParam("slot") String slot) {
    JsonNode current = content.current(config.space(), type, key, slot);
    List<VersionRow> rows =
        content.versions(config.space(), type, key, slot).items().stream()
            .map(ReviewPages::row)
            .toList();
    return Templates.history(
        user.chrome("review", "History of " + key),
        new HistoryView(type, key, slot, current.path("status").asText(), rows));
  }

  @POST
  @Path("history/{type}/{key}/rollback")
  public Response rollback(
      @PathParam("type") String type,
      @PathParam("key") String key,
      @RestForm String slot,
      @RestForm long version) {
    user.requirePublisher();
    content.rollback(config.space(), type, key, slot, version, user.name());
    String query = slot == null || slot.isBlank() ? "" : "?slot=" + encode(slot);
    return Forms.redirect("/console/history/" + type + "/" + key + query);
  }

  @GET
  @Path("audit")
  public TemplateInstance audit(
      @QueryParam("entityType") String entityType, @QueryParam("actor") String actor) {
    AuditFilter filter =
        new AuditFilter(
            Optional.ofNullable(Forms.blankToNull(entityType)),
            Optional.empty(),
            Optional.ofNullable(Forms.blankToNull(actor)));
    List<AuditRow> entries =
        history
            .audit(config.space(), filter, new PageRequest(0, PageRequest.MAX_SIZE))
            .items()
            .stream()
            .map(ReviewPages::auditRow)
            .toList();
    return Templates.audit(
        user.chrome("audit", "Audit log"),
        new AuditView(
            entityType == null ? "" : entityType,
            actor == null ? "" : actor,
            List.of("slot", "variant", "segment", "experiment", "persona"),
            entries));
  }

  private Pending pending(String type, String key, String slot, String name, String link) {
    JsonNode current = content.current(config.space(), type, key, slot);
    JsonNode published =
        content.versions(config.space(), type, key, slot).items().stream()
            .map(ContentVersion::snapshot)
            .filter(s -> "published".equals(s.path("status").asText()))
            .findFirst()
            .orElse(null);
    return new Pending(type, key, slot, name, link, Diff.of(published, current));
  }

  private Response act(Runnable action, String key, String done) {
    String message;
    try {
      action.run();
      message = key + " " + done + ".";
    } catch (ConflictException e) {
      message = e.getMessage();
    }
    return Forms.redirect("/console/review?message=" + encode(message));
  }

  private static AuditRow auditRow(AuditEntry e) {
    return new AuditRow(
        e.at().toString(),
        e.actor(),
        e.action(),
        e.entityType(),
        e.entityKey(),
        e.fromVersion() == null ? "—" : e.fromVersion().toString(),
        e.toVersion() == null ? 0 : e.toVersion());
  }

  private static VersionRow row(ContentVersion v) {
    return new VersionRow(
        v.version(),
        v.at().toString(),
        v.actor(),
        v.snapshot().path("status").asText(),
        v.snapshot().path("name").asText());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
