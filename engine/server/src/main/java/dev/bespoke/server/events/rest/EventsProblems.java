package dev.bespoke.server.events.rest;

import dev.bespoke.server.problem.ProblemResponses;
import dev.bespoke.server.profile.service.ProfileGateway;
import dev.bespoke.server.profile.service.RetryAfter;
import dev.bespoke.server.profile.service.WriteBuffer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A full event buffer is a 503 with {@code Retry-After}: the client keeps the batch and retries.
 */
public class EventsProblems {

  private final ProblemResponses problems;
  private final ProfileGateway profiles;

  public EventsProblems(ProblemResponses problems, ProfileGateway profiles) {
    this.problems = problems;
    this.profiles = profiles;
  }

  @ServerExceptionMapper
  public Response full(WriteBuffer.FullException e, UriInfo uri) {
    Response problem =
        problems.of(
            Status.SERVICE_UNAVAILABLE,
            "events-buffer-full",
            "events cannot be taken in right now; send the same batch again after Retry-After",
            uri == null ? null : uri.getPath(),
            null);
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(profiles.breaker().retryIn()))
        .build();
  }
}
