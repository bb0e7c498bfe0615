package dev.bespoke.ui.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.ContextAttributes;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.persona.Persona;
import dev.bespoke.store.persona.PersonaService;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.ui.spi.PreviewDecision;
import dev.bespoke.ui.spi.PreviewRequest;
import dev.bespoke.ui.spi.Previewer;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Preview as": pick a persona or type a visitor context and see what every published slot would
 * show that visitor, and why. Also where personas are saved.
 */
@Path("/console/preview")
@Blocking
@CsrfChecked
@Produces(MediaType.TEXT_HTML)
public class PreviewPages {

  /** A saved persona to choose from. */
  public record PersonaChoice(String key, String name, String description, boolean selected) {}

  /** The page: the chosen context and, once asked, the decisions. */
  public record PreviewView(
      List<PersonaChoice> personas,
      String context,
      boolean drafts,
      boolean ran,
      List<PreviewDecision> decisions,
      List<FieldError> errors) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance preview(Chrome chrome, PreviewView view);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PersonaService personas;
  private final SlotService slots;
  private final Previewer previewer;
  private final ConsoleUser user;
  private final ConsoleConfig config;

  public PreviewPages(
      PersonaService personas,
      SlotService slots,
      Previewer previewer,
      ConsoleUser user,
      ConsoleConfig config) {
    this.personas = personas;
    this.slots = slots;
    this.previewer = previewer;
    this.user = user;
    this.config = config;
  }

  @GET
  public Response preview(
      @QueryParam("persona") String persona,
      @QueryParam("context") String context,
      @QueryParam("drafts") boolean drafts) {
    String text = context;
    if ((text == null || text.isBlank()) && persona != null && !persona.isBlank()) {
      text = Forms.pretty(personas.get(config.space(), persona).context());
    }
    if (text == null || text.isBlank()) {
      return Response.ok(
              page(persona, "{\n  \"geo.country\": \"NL\"\n}", drafts, false, List.of(), List.of()))
          .build();
    }
    try {
      JsonNode tree = Forms.json("context", text);
      if (tree == null || !tree.isObject()) {
        throw ValidationException.of("context", "must be a JSON object of attributes");
      }
      FieldErrors errors = new FieldErrors();
      ContextAttributes.check(tree, "context", errors);
      errors.throwIfAny();
      @SuppressWarnings("unchecked")
      Map<String, Object> attributes = JSON.convertValue(tree, Map.class);
      List<String> shown = slotsToShow(drafts);
      List<PreviewDecision> decisions =
          shown.isEmpty()
              ? List.of()
              : previewer.preview(
                  config.space(),
                  new PreviewRequest(config.previewChannel(), shown, attributes, drafts));
      return Response.ok(page(persona, text, drafts, true, decisions, List.of())).build();
    } catch (ValidationException e) {
      // The same answer as a refused form post: the page again, with the field named.
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(page(persona, text, drafts, false, List.of(), e.errors()))
          .build();
    }
  }

  @POST
  @Path("personas")
  public Response savePersona(
      @RestForm String key,
      @RestForm String name,
      @RestForm String description,
      @RestForm String context) {
    try {
      personas.create(
          config.space(),
          new Persona(
              Forms.blankToNull(key),
              name,
              Forms.blankToNull(description),
              Forms.json("context", context),
              null,
              null),
          user.name());
      return Forms.redirect("/console/preview?persona=" + key);
    } catch (ValidationException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(page(null, context, false, false, List.of(), e.errors()))
          .build();
    } catch (ConflictException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              page(
                  null,
                  context,
                  false,
                  false,
                  List.of(),
                  List.of(new FieldError("key", e.getMessage()))))
          .build();
    }
  }

  /**
   * The published slots; with drafts also those not published yet, in key order, since a new slot
   * is exactly what an editor wants to see before publishing it.
   */
  private List<String> slotsToShow(boolean drafts) {
    return slots
        .list(
            config.space(),
            drafts ? Optional.empty() : Optional.of("published"),
            new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(s -> !"archived".equals(s.status()))
        .map(Slot::key)
        .sorted()
        .toList();
  }

  private TemplateInstance page(
      String persona,
      String context,
      boolean drafts,
      boolean ran,
      List<PreviewDecision> decisions,
      List<FieldError> errors) {
    List<PersonaChoice> choices =
        personas.list(config.space(), new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
            .filter(p -> !"archived".equals(p.status()))
            .map(
                p ->
                    new PersonaChoice(
                        p.key(),
                        p.name(),
                        p.description() == null ? "" : p.description(),
                        p.key().equals(persona)))
            .toList();
    return Templates.preview(
        user.chrome("preview", "Preview"),
        new PreviewView(choices, context, drafts, ran, decisions, errors));
  }
}
