package dev.bespoke.server.profile.rest;

import dev.bespoke.server.problem.ProblemResponses;
import dev.bespoke.server.profile.service.ProfileUnavailableException;
import dev.bespoke.server.profile.service.RetryAfter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The profile store being down is a 503 with {@code Retry-After}, not a 500. */
public class ProfileProblems {

  private final ProblemResponses problems;

  public ProfileProblems(ProblemResponses problems) {
    this.problems = problems;
  }

  @ServerExceptionMapper
  public Response unavailable(ProfileUnavailableException e, UriInfo uri) {
    Response problem =
        problems.of(
            Status.SERVICE_UNAVAILABLE,
            "profiles-unavailable",
            "visitor profiles are unavailable right now; try again after Retry-After",
            uri == null ? null : uri.getPath(),
            null);
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(e.retryAfter()))
        .build();
  }
}
