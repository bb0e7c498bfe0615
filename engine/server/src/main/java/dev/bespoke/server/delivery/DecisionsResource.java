package dev.bespoke.server.delivery;

import dev.bespoke.server.context.IncomingRequest;
import dev.bespoke.server.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/decisions}: the personalised content of one or more slots, as JSON. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery", description = "Decisions and fragments for pages, apps and CMS servers")
@APIResponse(
    responseCode = "400",
    description = "A bad request, naming each bad field",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "401",
    description = "The space requires a delivery key and none valid was sent",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "404",
    description = "An unknown space or slot",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DecisionsResource {

  private final DeliveryService delivery;
  private final DeliveryResponses responses;

  public DecisionsResource(DeliveryService delivery, DeliveryResponses responses) {
    this.delivery = delivery;
    this.responses = responses;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "decide",
      summary = "Personalised content for one or more slots",
      description =
          "Identity comes from visitorId in the body (apps) or the bespoke_vid cookie (browsers);"
              + " the answer sets that cookie when consent allows, and clears it when the visitor"
              + " refused personalisation earlier. Consent is the body's, else the bespoke_consent"
              + " cookie's, completed by the consent stored with PUT /api/v1/me/consent.")
  @Parameter(
      name = DeliveryKeyGuard.HEADER,
      in = ParameterIn.HEADER,
      description = "A public delivery key; required by spaces with deliveryKeyRequired",
      schema = @Schema(type = SchemaType.STRING))
  @APIResponse(
      responseCode = "200",
      description = "One decision per slot, in the order asked",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionsResponse.class)))
  public Uni<Response> decide(
      DecisionRequest body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
    DecisionRequest b =
        body == null ? new DecisionRequest(null, null, null, null, null, null, null, null) : body;
    IncomingRequest.Builder incoming =
        HttpRequests.from(headers, request)
            .visitorId(b.visitorId())
            .channel(b.channel())
            .locale(b.locale())
            .traits(b.traits() == null ? Map.of() : b.traits());
    if (b.page() != null) {
      incoming.pageUrl(b.page().url()).pageReferrer(b.page().referrer());
    }
    if (b.consent() != null) {
      incoming.consent(b.consent().personalization(), b.consent().analytics());
    }
    return respond(DeliveryCall.live(b.space(), b.channel(), b.slots(), incoming.build()), request);
  }

  @GET
  @Operation(
      operationId = "decideFromQuery",
      summary = "Personalised content for slots named in the query",
      description = "As POST, from the query, cookies, headers and the Referer alone.")
  @Parameter(
      name = DeliveryKeyGuard.HEADER,
      in = ParameterIn.HEADER,
      description = "A public delivery key; required by spaces with deliveryKeyRequired",
      schema = @Schema(type = SchemaType.STRING))
  @APIResponse(
      responseCode = "200",
      description = "One decision per slot, in the order asked",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionsResponse.class)))
  public Uni<Response> decideFromQuery(
      @QueryParam("space") String space,
      @QueryParam("channel") String channel,
      @QueryParam("slot") List<String> slots,
      @QueryParam("visitorId") String visitorId,
      @QueryParam("page") String page,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    IncomingRequest incoming =
        HttpRequests.from(headers, request)
            .get(true)
            .visitorId(visitorId)
            .channel(channel)
            .pageUrl(page)
            .build();
    return respond(DeliveryCall.live(space, channel, slots, incoming), request);
  }

  private Uni<Response> respond(DeliveryCall call, HttpServerRequest request) {
    String host = request.authority() == null ? null : request.authority().host();
    return delivery
        .deliver(call)
        .map(d -> responses.decorate(Response.ok(d.response()), d, host).build());
  }
}
