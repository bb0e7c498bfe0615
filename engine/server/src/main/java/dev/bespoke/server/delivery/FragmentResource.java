package dev.bespoke.server.delivery;

import dev.bespoke.core.decision.VariantRule;
import dev.bespoke.server.problem.Problem;
import dev.bespoke.server.snapshot.PublishedSlot;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/slots/{slot}/fragment}: the chosen variant as sanitised HTML, for server-side
 * includes in CMS templates. The decision id and fallback flag travel in headers.
 */
@Path("/api/v1/slots/{slot}/fragment")
@Tag(name = "Delivery")
public class FragmentResource {

  private static final Logger LOG = Logger.getLogger(FragmentResource.class);

  /** The decision id of the fragment, for impression and click events. */
  public static final String DECISION_HEADER = "Bespoke-Decision-Id";

  /** {@code true} when the default was served because of a fault. */
  public static final String FALLBACK_HEADER = "Bespoke-Fallback";

  private final DeliveryService delivery;
  private final DeliveryResponses responses;
  private final FragmentRenderer renderer;

  public FragmentResource(
      DeliveryService delivery, DeliveryResponses responses, FragmentRenderer renderer) {
    this.delivery = delivery;
    this.responses = responses;
    this.renderer = renderer;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "fragment",
      summary = "The chosen variant of one slot as an HTML fragment",
      description = "For server-side includes (SSI, ESI) and CMS templates; same context rules.")
  @Parameter(
      name = DeliveryKeyGuard.HEADER,
      in = ParameterIn.HEADER,
      description = "A public delivery key; required by spaces with deliveryKeyRequired",
      schema = @Schema(type = SchemaType.STRING))
  @APIResponse(
      responseCode = "200",
      description = "The fragment; empty when the slot has nothing to show",
      headers = {
        @Header(
            name = DECISION_HEADER,
            description = "The decision id, for impression and click events",
            schema = @Schema(implementation = String.class)),
        @Header(
            name = FALLBACK_HEADER,
            description = "true when the default was served because of a fault",
            schema = @Schema(implementation = Boolean.class))
      },
      content =
          @Content(
              mediaType = MediaType.TEXT_HTML,
              schema = @Schema(implementation = String.class)))
  @APIResponse(
      responseCode = "401",
      description = "The space requires a delivery key and none valid was sent",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "An unknown space or slot",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> fragment(
      @PathParam("slot") String slot,
      @QueryParam("space") String space,
      @QueryParam("channel") String channel,
      @QueryParam("visitorId") String visitorId,
      @QueryParam("page") String page,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    var incoming =
        HttpRequests.from(headers, request)
            .get(true)
            .visitorId(visitorId)
            .channel(channel == null ? "web" : channel)
            .pageUrl(page)
            .build();
    DeliveryCall call =
        DeliveryCall.live(space, channel == null ? "web" : channel, List.of(slot), incoming);
    String host = request.authority() == null ? null : request.authority().host();
    return delivery
        .deliver(call)
        .map(
            d -> {
              var answer = d.response().decisions().get(0);
              PublishedSlot published = d.slots().get(0);
              String chosen = d.decisions().get(0).variant().map(VariantRule::key).orElse(null);
              Fragment fragment = render(published, chosen, answer.fallback());
              Response.ResponseBuilder ok =
                  Response.ok(fragment.html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                      .header(DECISION_HEADER, answer.decisionId())
                      .header(FALLBACK_HEADER, Boolean.toString(fragment.fallback()));
              return responses.decorate(ok, d, host).build();
            });
  }

  /**
   * Renders the chosen variant; a template that fails on this variant's fields must not fail the
   * page that includes it, so the slot's default is rendered instead and the answer says so.
   */
  private Fragment render(PublishedSlot slot, String variantKey, boolean fallback) {
    try {
      return new Fragment(renderVariant(slot, variantKey), fallback);
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.errorf(
          e, "incident %s: rendering slot %s failed; serving its default", incident, slot.key());
      String defaultKey = slot.rule().defaultVariant().map(VariantRule::key).orElse(null);
      try {
        return new Fragment(
            Objects.equals(defaultKey, variantKey) ? "" : renderVariant(slot, defaultKey), true);
      } catch (RuntimeException again) {
        LOG.errorf(
            again,
            "incident %s: the default of slot %s does not render either",
            incident,
            slot.key());
        return new Fragment("", true);
      }
    }
  }

  private String renderVariant(PublishedSlot slot, String variantKey) {
    if (variantKey == null) {
      return "";
    }
    return slot.content(variantKey).map(content -> renderer.render(slot, content)).orElse("");
  }

  private record Fragment(String html, boolean fallback) {}
}
