package dev.bespoke.ui.slot;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
import dev.bespoke.ui.support.Chrome;
import dev.bespoke.ui.support.ConsoleConfig;
import dev.bespoke.ui.support.ConsoleUser;
import dev.bespoke.ui.support.CsrfChecked;
import dev.bespoke.ui.support.CsrfTokens;
import dev.bespoke.ui.support.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Slots: the list, a slot's variants in precedence order, and creating slots. */
@Path("/console/slots")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class SlotPages {

  /** One slot in the list; {@code live} counts its published variants. */
  public record Row(String key, String name, String channels, String status, long live) {}

  /** One variant on the slot page, with its place in the order explained. */
  public record VariantRow(
      int position,
      String key,
      String name,
      String segments,
      String segmentMatch,
      String channels,
      String schedule,
      int priority,
      boolean isDefault,
      String status,
      String explanation,
      boolean first,
      boolean last,
      String conflict) {}

  /** The slot page. */
  public record SlotView(
      String key,
      String name,
      String description,
      String channels,
      String strategy,
      String status,
      List<VariantRow> variants) {}

  /** The new-slot form. */
  public record SlotForm(
      String key, String name, String description, String channels, List<FieldError> errors) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(Chrome chrome, List<Row> slots);

    static native TemplateInstance show(Chrome chrome, SlotView slot);

    static native TemplateInstance create(Chrome chrome, SlotForm form);
  }

  private final SlotService slots;
  private final VariantService variants;
  private final ConsoleUser user;
  private final ConsoleConfig config;
  private final TargetingCheck check;

  public SlotPages(
      SlotService slots,
      VariantService variants,
      ConsoleUser user,
      ConsoleConfig config,
      TargetingCheck check) {
    this.check = check;
    this.slots = slots;
    this.variants = variants;
    this.user = user;
    this.config = config;
  }

  @GET
  public TemplateInstance list() {
    List<Row> rows =
        allSlots().stream()
            .map(
                s ->
                    new Row(
                        s.key(),
                        s.name(),
                        String.join(", ", s.channels()),
                        s.status(),
                        variants
                            .list(
                                config.space(),
                                s.key(),
                                Optional.of("published"),
                                new PageRequest(0, 1))
                            .total()))
            .toList();
    return Templates.list(user.chrome("slots", "Slots"), rows);
  }

  @GET
  @Path("new")
  public TemplateInstance create() {
    return Templates.create(
        user.chrome("slots", "New slot"), new SlotForm("", "", "", "web", List.of()));
  }

  @POST
  public Response create(
      @RestForm String key,
      @RestForm String name,
      @RestForm String description,
      @RestForm String channels) {
    try {
      Slot saved =
          slots.create(
              config.space(),
              new Slot(
                  Forms.blankToNull(key),
                  name,
                  Forms.blankToNull(description),
                  Forms.list(channels),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              user.name());
      return Forms.redirect("/console/slots/" + saved.key());
    } catch (ValidationException | ConflictException e) {
      List<FieldError> errors = Forms.errors(e, "key");
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              Templates.create(
                  user.chrome("slots", "New slot"),
                  new SlotForm(key, name, description, channels, errors)))
          .build();
    }
  }

  @GET
  @Path("{slot}")
  public TemplateInstance show(@PathParam("slot") String key) {
    Slot slot = slots.get(config.space(), key);
    List<Variant> sorted = Precedence.sort(variantsOf(key));
    Map<String, String> shadowed = check.shadowedVariants(config.space(), key, sorted);
    List<VariantRow> rows = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Variant v = sorted.get(i);
      rows.add(
          new VariantRow(
              i + 1,
              v.key(),
              v.name(),
              v.segments().isEmpty() ? "everyone" : String.join(", ", v.segments()),
              v.segmentMatch(),
              v.channels().isEmpty() ? "all channels" : String.join(", ", v.channels()),
              schedule(v),
              v.priority() == null ? 0 : v.priority(),
              Boolean.TRUE.equals(v.isDefault()),
              v.status(),
              Precedence.explain(v, i + 1),
              i == 0,
              i == sorted.size() - 1 || Boolean.TRUE.equals(sorted.get(i + 1).isDefault()),
              shadowed.containsKey(v.key()) ? "⚠ " + shadowed.get(v.key()) + "." : ""));
    }
    SlotView view =
        new SlotView(
            slot.key(),
            slot.name(),
            slot.description(),
            String.join(", ", slot.channels()),
            slot.strategy(),
            slot.status(),
            rows);
    return Templates.show(user.chrome("slots", "Slot " + slot.name()), view);
  }

  @POST
  @Path("{slot}/submit")
  public Response submit(@PathParam("slot") String slot, @RestForm(CsrfTokens.FIELD) String csrf) {
    slots.submit(config.space(), slot, user.name());
    return Forms.redirect("/console/slots/" + slot);
  }

  /**
   * Moves a variant one place up or down by swapping priorities with its neighbour; both become
   * drafts again, since a new order is a change a publisher must approve.
   */
  @POST
  @Path("{slot}/variants/{key}/move")
  public Response move(
      @PathParam("slot") String slot, @PathParam("key") String key, @RestForm String direction) {
    List<Variant> sorted =
        Precedence.sort(
            variantsOf(slot).stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).toList());
    int at = -1;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).key().equals(key)) {
        at = i;
      }
    }
    int other = "up".equals(direction) ? at - 1 : at + 1;
    if (at >= 0 && other >= 0 && other < sorted.size()) {
      Variant a = sorted.get(at);
      Variant b = sorted.get(other);
      int pa = a.priority() == null ? 0 : a.priority();
      int pb = b.priority() == null ? 0 : b.priority();
      // Equal priorities would leave the order to the tie-break: open a gap of one.
      int newA = pa == pb ? ("up".equals(direction) ? pb + 1 : pb - 1) : pb;
      variants.update(config.space(), slot, a.key(), withPriority(a, newA), user.name());
      if (pa != pb) {
        variants.update(config.space(), slot, b.key(), withPriority(b, pa), user.name());
      }
    }
    return Forms.redirect("/console/slots/" + slot);
  }

  private static Variant withPriority(Variant v, int priority) {
    return new Variant(
        v.key(),
        null,
        v.name(),
        v.fields(),
        v.html(),
        v.segments(),
        v.segmentMatch(),
        v.channels(),
        v.locales(),
        priority,
        v.weight(),
        v.validFrom(),
        v.validUntil(),
        v.isDefault(),
        v.suppressAfterConversion(),
        null,
        v.version());
  }

  private static String schedule(Variant v) {
    if (v.validFrom() == null && v.validUntil() == null) {
      return "always";
    }
    return (v.validFrom() == null ? "now" : v.validFrom().toString())
        + " – "
        + (v.validUntil() == null ? "open-ended" : v.validUntil().toString());
  }

  private List<Slot> allSlots() {
    return slots
        .list(config.space(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(s -> !"archived".equals(s.status()))
        .toList();
  }

  private List<Variant> variantsOf(String slot) {
    return variants
        .list(config.space(), slot, Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(v -> !"archived".equals(v.status()))
        .toList();
  }
}
