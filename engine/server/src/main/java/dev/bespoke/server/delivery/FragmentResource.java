package dev.bespoke.server.delivery;

import dev.bespoke.core.decision.VariantRule;
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

/**
 * {@code GET /api/v1/slots/{slot}/fragment}: the chosen variant as sanitised HTML, for server-side
 * includes in CMS templates. The decision id and fallback flag travel in headers.
 */
@Path("/api/v1/slots/{slot}/fragment")
public class FragmentResource {

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
              String html =
                  d.decisions()
                      .get(0)
                      .variant()
                      .map(VariantRule::key)
                      .flatMap(key -> d.slots().get(0).content(key))
                      .map(content -> renderer.render(d.slots().get(0), content))
                      .orElse("");
              Response.ResponseBuilder ok =
                  Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                      .header(DECISION_HEADER, answer.decisionId())
                      .header(FALLBACK_HEADER, Boolean.toString(answer.fallback()));
              return responses.decorate(ok, d, host).build();
            });
  }
}
