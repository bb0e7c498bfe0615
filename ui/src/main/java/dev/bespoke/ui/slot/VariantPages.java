package dev.bespoke.ui.slot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.segment.SegmentService;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The variant editor: content fields from the slot's schema, targeting, schedule. */
@Path("/console/slots/{slot}/variants")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class VariantPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        Chrome chrome, VariantForm form, TargetingCheck.Checks checks);
  }

  /** What the editor posts; {@code fk}/{@code fv} are the generated content inputs in order. */
  public record Posted(
      String key,
      String name,
      List<String> fieldKeys,
      List<String> fieldValues,
      String extra,
      String html,
      List<String> segments,
      String segmentMatch,
      String channels,
      String locales,
      Integer priority,
      Integer weight,
      String validFrom,
      String validUntil,
      boolean isDefault,
      String suppress,
      Long version) {}

  private final SlotService slots;
  private final VariantService variants;
  private final SegmentService segments;
  private final ConsoleUser user;
  private final ConsoleConfig config;
  private final TargetingCheck check;

  public VariantPages(
      SlotService slots,
      VariantService variants,
      SegmentService segments,
      ConsoleUser user,
      ConsoleConfig config,
      TargetingCheck check) {
    this.check = check;
    this.slots = slots;
    this.variants = variants;
    this.segments = segments;
    this.user = user;
    this.config = config;
  }

  @GET
  @Path("new")
  public TemplateInstance create(@PathParam("slot") String slot) {
    Slot s = slots.get(config.space(), slot);
    List<FieldsForm.Input> inputs = FieldsForm.inputs(s.fieldsSchema());
    return page(
        new VariantForm(
            true,
            slot,
            "",
            "",
            values(inputs, null),
            "",
            "",
            choices(List.of()),
            "any",
            "",
            "",
            10,
            1,
            "",
            "",
            false,
            "",
            "draft",
            null,
            List.of()));
  }

  @POST
  public Response create(
      @PathParam("slot") String slot,
      @RestForm String key,
      @RestForm String name,
      @RestForm("fk") List<String> fieldKeys,
      @RestForm("fv") List<String> fieldValues,
      @RestForm String extra,
      @RestForm String html,
      @RestForm List<String> segments,
      @RestForm String segmentMatch,
      @RestForm String channels,
      @RestForm String locales,
      @RestForm Integer priority,
      @RestForm Integer weight,
      @RestForm String validFrom,
      @RestForm String validUntil,
      @RestForm String isDefault,
      @RestForm String suppress) {
    Posted posted =
        new Posted(
            key,
            name,
            fieldKeys,
            fieldValues,
            extra,
            html,
            segments,
            segmentMatch,
            channels,
            locales,
            priority,
            weight,
            validFrom,
            validUntil,
            isDefault != null,
            suppress,
            null);
    return save(slot, null, posted);
  }

  @GET
  @Path("{key}")
  public TemplateInstance edit(@PathParam("slot") String slot, @PathParam("key") String key) {
    Slot s = slots.get(config.space(), slot);
    Variant v = variants.get(config.space(), slot, key);
    List<FieldsForm.Input> inputs = FieldsForm.inputs(s.fieldsSchema());
    JsonNode rest = FieldsForm.rest(inputs, v.fields());
    return page(
        new VariantForm(
            false,
            slot,
            v.key(),
            v.name(),
            values(inputs, v.fields()),
            rest.isEmpty() ? "" : Forms.pretty(rest),
            v.html() == null ? "" : v.html(),
            choices(v.segments()),
            v.segmentMatch(),
            String.join(", ", v.channels()),
            String.join(", ", v.locales()),
            v.priority() == null ? 0 : v.priority(),
            v.weight() == null ? 1 : v.weight(),
            local(v.validFrom()),
            local(v.validUntil()),
            Boolean.TRUE.equals(v.isDefault()),
            v.suppressAfterConversion() == null ? "" : v.suppressAfterConversion(),
            v.status(),
            v.version(),
            List.of()));
  }

  @POST
  @Path("{key}")
  public Response update(
      @PathParam("slot") String slot,
      @PathParam("key") String key,
      @RestForm String name,
      @RestForm("fk") List<String> fieldKeys,
      @RestForm("fv") List<String> fieldValues,
      @RestForm String extra,
      @RestForm String html,
      @RestForm List<String> segments,
      @RestForm String segmentMatch,
      @RestForm String channels,
      @RestForm String locales,
      @RestForm Integer priority,
      @RestForm Integer weight,
      @RestForm String validFrom,
      @RestForm String validUntil,
      @RestForm String isDefault,
      @RestForm String suppress,
      @RestForm Long version) {
    Posted posted =
        new Posted(
            key,
            name,
            fieldKeys,
            fieldValues,
            extra,
            html,
            segments,
            segmentMatch,
            channels,
            locales,
            priority,
            weight,
            validFrom,
            validUntil,
            isDefault != null,
            suppress,
            version);
    return save(slot, key, posted);
  }

  @POST
  @Path("{key}/submit")
  public Response submit(
      @PathParam("slot") String slot,
      @PathParam("key") String key,
      @RestForm(CsrfTokens.FIELD) String csrf) {
    variants.submit(config.space(), slot, key, user.name());
    return Forms.redirect("/console/slots/" + slot);
  }

  private Response save(String slot, String existingKey, Posted p) {
    Slot s = slots.get(config.space(), slot);
    List<FieldsForm.Input> inputs = FieldsForm.inputs(s.fieldsSchema());
    Map<String, String> values = new HashMap<>();
    List<String> keys = p.fieldKeys() == null ? List.of() : p.fieldKeys();
    List<String> vals = p.fieldValues() == null ? List.of() : p.fieldValues();
    for (int i = 0; i < keys.size() && i < vals.size(); i++) {
      values.put("field." + keys.get(i), vals.get(i));
    }
    List<FieldError> errors = new ArrayList<>();
    try {
      JsonNode extra = Forms.json("extra", p.extra());
      Instant from = instant("validFrom", p.validFrom(), errors);
      Instant until = instant("validUntil", p.validUntil(), errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      Variant input =
          new Variant(
              existingKey == null ? Forms.blankToNull(p.key()) : existingKey,
              null,
              p.name(),
              FieldsForm.fields(inputs, values, extra),
              Forms.blankToNull(p.html()),
              p.segments() == null ? List.of() : p.segments(),
              p.segmentMatch() == null ? "any" : p.segmentMatch(),
              Forms.list(p.channels()),
              Forms.list(p.locales()),
              p.priority() == null ? 0 : p.priority(),
              p.weight() == null ? 1 : p.weight(),
              from,
              until,
              p.isDefault(),
              Forms.blankToNull(p.suppress()),
              null,
              p.version());
      if (existingKey == null) {
        variants.create(config.space(), slot, input, user.name());
      } else {
        variants.update(config.space(), slot, existingKey, input, user.name());
      }
      return Forms.redirect("/console/slots/" + slot);
    } catch (ValidationException | ConflictException e) {
      List<FieldError> shown = Forms.errors(e, "version");
      VariantForm form =
          new VariantForm(
              existingKey == null,
              slot,
              existingKey == null ? p.key() : existingKey,
              p.name(),
              inputs.stream()
                  .map(
                      i ->
                          new VariantForm.FieldValue(
                              i.name(),
                              i.label(),
                              i.type(),
                              i.required(),
                              i.longText(),
                              values.getOrDefault("field." + i.name(), "")))
                  .toList(),
              p.extra() == null ? "" : p.extra(),
              p.html() == null ? "" : p.html(),
              choices(p.segments() == null ? List.of() : p.segments()),
              p.segmentMatch() == null ? "any" : p.segmentMatch(),
              p.channels() == null ? "" : p.channels(),
              p.locales() == null ? "" : p.locales(),
              p.priority() == null ? 0 : p.priority(),
              p.weight() == null ? 1 : p.weight(),
              p.validFrom() == null ? "" : p.validFrom(),
              p.validUntil() == null ? "" : p.validUntil(),
              p.isDefault(),
              p.suppress() == null ? "" : p.suppress(),
              "draft",
              p.version(),
              shown);
      return Response.status(Response.Status.BAD_REQUEST).entity(page(form)).build();
    }
  }

  private TemplateInstance page(VariantForm form) {
    String title = form.creating() ? "New variant" : "Variant " + form.name();
    return Templates.edit(
        user.chrome("slots", title),
        form,
        check.check(config.space(), form.slot(), Targeting.of(form)));
  }

  private List<VariantForm.FieldValue> values(List<FieldsForm.Input> inputs, JsonNode fields) {
    return inputs.stream()
        .map(
            i ->
                new VariantForm.FieldValue(
                    i.name(),
                    i.label(),
                    i.type(),
                    i.required(),
                    i.longText(),
                    fields == null || !fields.has(i.name()) ? "" : fields.get(i.name()).asText()))
        .toList();
  }

  private List<VariantForm.SegmentChoice> choices(List<String> tagged) {
    return segments
        .list(config.space(), Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(s -> !"archived".equals(s.status()))
        .map(s -> new VariantForm.SegmentChoice(s.key(), s.name(), tagged.contains(s.key())))
        .toList();
  }

  /** Schedules are entered and shown in UTC, the engine's clock. */
  private static Instant instant(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "is not a date and time (yyyy-mm-ddThh:mm)"));
      return null;
    }
  }

  private static String local(Instant instant) {
    return instant == null
        ? ""
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
            .toString();
  }
}
