package dev.bespoke.server.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds problem responses. The body is serialised here, not by content negotiation, so a problem
 * is always {@code application/problem+json} whatever the client's {@code Accept} says.
 */
@ApplicationScoped
public class ProblemResponses {

  private static final String TYPE_BASE = "https://bespoke.dev/problems/";

  private final ObjectMapper json;

  public ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  public Response of(
      Response.Status status,
      String slug,
      String detail,
      String instance,
      List<Problem.FieldProblem> errors) {
    return of(status.getStatusCode(), status.getReasonPhrase(), slug, detail, instance, errors);
  }

  public Response of(
      int status,
      String title,
      String slug,
      String detail,
      String instance,
      List<Problem.FieldProblem> errors) {
    Problem problem =
        new Problem(
            TYPE_BASE + slug,
            title,
            status,
            detail,
            instance,
            errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(write(problem)).build();
  }

  /** The problem document as text, for answers written below JAX-RS (Vert.x route handlers). */
  public String body(int status, String title, String slug, String detail, String instance) {
    return write(new Problem(TYPE_BASE + slug, title, status, detail, instance, null));
  }

  private String write(Problem problem) {
    try {
      return json.writeValueAsString(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a Problem record always serialises", e);
    }
  }
}
