package dev.bespoke.server.events.rest;

import dev.bespoke.server.delivery.DeliveryKeyGuard;
import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.service.EventsService;
import dev.bespoke.server.problem.Problem;
import dev.bespoke.server.profile.identity.Caller;
import dev.bespoke.server.profile.identity.VisitorIdentity;
import dev.bespoke.server.profile.service.SpacePolicies;
import dev.bespoke.server.profile.service.SpacePolicy;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.store.common.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/events}. Non-blocking end to end: the answer waits for the profile write (or
 * its buffering) without holding a worker thread, so a slow Redis cannot exhaust a thread pool.
 */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Impressions, clicks, conversions and page views")
public class EventsResource {

  private final EventsService events;
  private final SpacePolicies spaces;
  private final VisitorIdentity identity;

  private final SnapshotRegistry snapshots;
  private final DeliveryKeyGuard keys;

  public EventsResource(
      EventsService events,
      SpacePolicies spaces,
      VisitorIdentity identity,
      SnapshotRegistry snapshots,
      DeliveryKeyGuard keys) {
    this.snapshots = snapshots;
    this.keys = keys;
    this.events = events;
    this.spaces = spaces;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "postEvents",
      summary = "Report up to 100 events of one visitor",
      description =
          "Counters update the visitor's profile; impressions and conversions count"
              + " towards experiment results. A profile keeps at most"
              + " bespoke.profile.max-counters day buckets of counters (per event type at most"
              + " bespoke.profile.max-counters-per-event) and bespoke.profile.max-scores"
              + " interest scores; beyond them the least recently counted go, and no event is"
              + " refused for it.")
  @Parameter(
      name = DeliveryKeyGuard.HEADER,
      in = ParameterIn.HEADER,
      description = "A public delivery key; required by spaces with deliveryKeyRequired",
      schema = @Schema(type = SchemaType.STRING))
  @APIResponse(
      responseCode = "202",
      description = "How many events were accepted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AcceptedResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad batch, naming each bad event field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "401",
      description = "The space requires a delivery key and none valid was sent",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "An unknown space",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> post(EventBatchRequest body, @Context HttpHeaders headers) {
    List<Event> batch = EventBatchValidator.events(body);
    String spaceKey = EventBatchValidator.space(body);
    SpacePolicy space =
        spaces.find(spaceKey).orElseThrow(() -> new NotFoundException("space", spaceKey));
    snapshots
        .get(spaceKey)
        .ifPresent(s -> keys.check(s, headers.getHeaderString(DeliveryKeyGuard.HEADER)));
    Caller caller = identity.identify(body.visitorId(), headers);
    return events
        .ingest(space, caller, batch, EventBatchValidator.batchId(body))
        .map(
            result ->
                Response.accepted(new AcceptedResponse(result.accepted()))
                    .cacheControl(noStore())
                    .build());
  }

  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setNoStore(true);
    return cache;
  }
}
