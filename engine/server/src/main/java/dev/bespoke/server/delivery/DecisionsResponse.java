package dev.bespoke.server.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code /api/v1/decisions}: one decision per requested slot, in order. */
public record DecisionsResponse(String visitorId, List<SlotDecision> decisions) {

  /** One slot's decision, as API.md shows it. */
  public record SlotDecision(
      String slot,
      String decisionId,
      VariantView variant,
      List<String> segments,
      String reason,
      ExperimentView experiment,
      boolean fallback) {}

  /** The chosen content. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VariantView(
      String key,
      @Schema(description = "The variant's fields, as the slot's fields schema describes them")
          JsonNode fields,
      String html) {}

  /** The experiment arm the visitor is in, when an experiment runs on the slot. */
  public record ExperimentView(String key, String arm) {}
}
