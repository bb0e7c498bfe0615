package dev.bespoke.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bespoke.server.delivery.DeliveryKeyRefusedException;
import dev.bespoke.server.security.LoginThrottledException;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.StaleVersionException;
import dev.bespoke.store.common.ValidationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure a request can meet to one problem+json answer. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final String CONSOLE_LOGIN = "/console/login";
  private static final String CONSOLE_LOGIN_ERROR = "/console/login-error";

  private final ProblemResponses problems;

  public ProblemMappers(ProblemResponses problems) {
    this.problems = problems;
  }

  @ServerExceptionMapper
  public Response validation(ValidationException e, UriInfo uri) {
    List<Problem.FieldProblem> errors =
        e.errors().stream().map(f -> new Problem.FieldProblem(f.field(), f.message())).toList();
    return problems.of(Status.BAD_REQUEST, "validation", summary(errors), path(uri), errors);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    return problems.of(Status.NOT_FOUND, "not-found", e.getMessage(), path(uri), null);
  }

  @ServerExceptionMapper
  public Response stale(StaleVersionException e, UriInfo uri) {
    return problems.of(
        Status.CONFLICT,
        "stale-version",
        e.getMessage(),
        path(uri),
        List.of(new Problem.FieldProblem("version", e.getMessage())));
  }

  @ServerExceptionMapper
  public Response concurrentEdit(OptimisticLockException e, UriInfo uri) {
    return problems.of(
        Status.CONFLICT,
        "stale-version",
        "someone else changed this entity at the same time; reload and try again",
        path(uri),
        List.of(new Problem.FieldProblem("version", "changed concurrently")));
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e, UriInfo uri) {
    return problems.of(Status.CONFLICT, "conflict", e.getMessage(), path(uri), null);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    String field = JsonErrorPaths.pathOf(e.getPath());
    return badJson(uri, field, "unknown field \"" + e.getPropertyName() + "\"");
  }

  @ServerExceptionMapper
  public Response typeHint(InvalidTypeIdException e, UriInfo uri) {
    return badJson(uri, JsonErrorPaths.pathOf(e.getPath()), "type hints are not accepted");
  }

  /** Quarkus REST maps this one itself unless we claim it. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    return badMapping(e, uri);
  }

  @ServerExceptionMapper
  public Response badMapping(JsonMappingException e, UriInfo uri) {
    return badJson(uri, JsonErrorPaths.pathOf(e.getPath()), describe(e));
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e, UriInfo uri) {
    String message =
        e instanceof StreamConstraintsException
            ? JsonLimitWords.of((StreamConstraintsException) e)
            : "malformed JSON: " + e.getOriginalMessage();
    return badJson(uri, "body", message);
  }

  @ServerExceptionMapper
  public Response constraint(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    new Problem.FieldProblem(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
    return problems.of(Status.BAD_REQUEST, "validation", summary(errors), path(uri), errors);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpServerRequest request) {
    if (isConsole(request)) {
      return Response.seeOther(URI.create(CONSOLE_LOGIN)).build();
    }
    return challenge(uri, "credentials are required");
  }

  @ServerExceptionMapper
  public Response throttled(LoginThrottledException e, UriInfo uri) {
    Response response =
        problems.of(
            429,
            "Too Many Requests",
            "login-throttled",
            "too many failed logins for this user; retry after " + e.retryAfterSeconds() + " s",
            path(uri),
            null);
    return Response.fromResponse(response)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public Response badCredentials(
      AuthenticationFailedException e, UriInfo uri, HttpServerRequest request) {
    // The console's sign-in form is answered with a page, never with a Basic challenge that
    // would make the browser pop up its own password dialog. Any other console request failed
    // because its session is no longer valid (signed out, expired, a mismatched mark): it is
    // sent to sign in like a request without a session.
    if (isConsole(request)) {
      boolean signIn = request.path().endsWith("/j_security_check");
      return Response.seeOther(URI.create(signIn ? CONSOLE_LOGIN_ERROR : CONSOLE_LOGIN)).build();
    }
    if (e.getCause() instanceof LoginThrottledException throttled) {
      return throttled(throttled, uri);
    }
    return challenge(uri, "the credentials are not valid");
  }

  private static boolean isConsole(HttpServerRequest request) {
    String path = request == null ? null : request.path();
    return path != null && (path.equals("/console") || path.startsWith("/console/"));
  }

  @ServerExceptionMapper
  public Response deliveryKey(DeliveryKeyRefusedException e, UriInfo uri) {
    return problems.of(Status.UNAUTHORIZED, "delivery-key", e.getMessage(), path(uri), null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return problems.of(
        Status.FORBIDDEN, "forbidden", "your role does not allow this action", path(uri), null);
  }

  @ServerExceptionMapper
  public Response databaseDown(JDBCConnectionException e, UriInfo uri) {
    DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
    return databaseUnavailable(
        e, kind == DatabaseFailures.Kind.OTHER ? DatabaseFailures.Kind.UNREACHABLE : kind, uri);
  }

  /**
   * The content database is gone, or cannot write: the request may succeed later, so 503 with
   * Retry-After, whichever layer (pool, ORM, transaction manager) the failure came through.
   */
  private Response databaseUnavailable(Throwable e, DatabaseFailures.Kind kind, UriInfo uri) {
    String id = logged(e);
    String detail =
        kind == DatabaseFailures.Kind.DISK_FULL
            ? "the content database could not write to its disk (is it full?); nothing was changed"
                + " (incident "
                + id
                + ")"
            : "the content database is unavailable; try again shortly (incident " + id + ")";
    Response response =
        problems.of(Status.SERVICE_UNAVAILABLE, "unavailable", detail, path(uri), null);
    return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    // A body that does not parse reaches us wrapped in a 400 by the JSON reader.
    if (e.getCause() instanceof JsonMappingException mapping) {
      return badMapping(mapping, uri);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return badJson(json, uri);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status == 503) {
      Response unavailable =
          problems.of(Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage(), path(uri), null);
      return Response.fromResponse(unavailable).header(HttpHeaders.RETRY_AFTER, "2").build();
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType type = original.getStatusInfo();
    String detail = status == 404 ? "no such resource" : type.getReasonPhrase();
    return problems.of(status, type.getReasonPhrase(), "http-" + status, detail, path(uri), null);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    DatabaseFailures.Kind database = DatabaseFailures.classify(e);
    if (database != DatabaseFailures.Kind.OTHER) {
      return databaseUnavailable(e, database, uri);
    }
    String id = logged(e);
    return problems.of(
        Status.INTERNAL_SERVER_ERROR,
        "internal",
        "an unexpected error occurred; quote incident " + id + " when reporting it",
        path(uri),
        null);
  }

  private Response badJson(UriInfo uri, String field, String message) {
    return problems.of(
        Status.BAD_REQUEST,
        "invalid-json",
        field + ": " + message,
        path(uri),
        List.of(new Problem.FieldProblem(field, message)));
  }

  private Response challenge(UriInfo uri, String detail) {
    Response response = problems.of(Status.UNAUTHORIZED, "unauthorized", detail, path(uri), null);
    return Response.fromResponse(response)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"bespoke\"")
        .build();
  }

  private static String describe(JsonMappingException e) {
    if (e.getCause() instanceof StreamConstraintsException limit) {
      return JsonLimitWords.of(limit);
    }
    String original = e.getOriginalMessage();
    // Jackson's messages name Java classes; clients need the JSON view only.
    if (original != null && original.contains("Cannot deserialize value of type")) {
      return "wrong type of value";
    }
    if (original != null && original.contains("Cannot coerce")) {
      return "wrong type of value";
    }
    if (original != null && original.startsWith("Missing required creator property")) {
      return "is required";
    }
    return original == null ? "invalid value" : original.replaceAll("`[^`]*`", "").strip();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    int second = dot < 0 ? -1 : propertyPath.indexOf('.', dot + 1);
    return second < 0 ? propertyPath : propertyPath.substring(second + 1);
  }

  private static String summary(List<Problem.FieldProblem> errors) {
    if (errors.isEmpty()) {
      return "the request is not valid";
    }
    Problem.FieldProblem first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return first.field() + ": " + first.message() + more;
  }

  private static String logged(Throwable e) {
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "incident %s", id);
    return id;
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }
}
