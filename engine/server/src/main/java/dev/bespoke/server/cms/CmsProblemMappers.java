package dev.bespoke.server.cms;

import dev.bespoke.cms.connector.PayloadTooLargeException;
import dev.bespoke.cms.connector.WebhookUnauthorizedException;
import dev.bespoke.server.problem.ProblemResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The CMS adapter's own failures as problem+json. */
public class CmsProblemMappers {

  private final ProblemResponses problems;

  public CmsProblemMappers(ProblemResponses problems) {
    this.problems = problems;
  }

  @ServerExceptionMapper
  public Response unauthorized(WebhookUnauthorizedException e, UriInfo uri) {
    Response response =
        problems.of(Status.UNAUTHORIZED, "webhook-unauthorized", e.getMessage(), path(uri), null);
    return Response.fromResponse(response)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Signature realm=\"bespoke-cms\"")
        .build();
  }

  @ServerExceptionMapper
  public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
    return problems.of(
        Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage(), path(uri), null);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }
}
