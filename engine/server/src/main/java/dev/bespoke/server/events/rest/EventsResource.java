package dev.bespoke.server.events.rest;

import dev.bespoke.server.delivery.DeliveryKeyGuard;
import dev.bespoke.server.events.Event;
import dev.bespoke.server.events.service.EventsService;
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

/**
 * {@code POST /api/v1/events}. Non-blocking end to end: the answer waits for the profile write (or
 * its buffering) without holding a worker thread, so a slow Redis cannot exhaust a thread pool.
 */
@Path("/api/v1/events")
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
