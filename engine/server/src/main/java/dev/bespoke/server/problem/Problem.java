package dev.bespoke.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, as API.md defines it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldProblem> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One bad field: a JSON path into the request ({@code rule.all[2].op}) and what is wrong. */
  public record FieldProblem(String field, String message) {}
}
