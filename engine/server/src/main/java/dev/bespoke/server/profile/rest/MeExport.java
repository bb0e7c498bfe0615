package dev.bespoke.server.profile.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of {@code GET /api/v1/me} for the published OpenAPI description. The answer itself is
 * assembled as a map, because sections such as {@code segments} are contributed by other features
 * ({@link MeSectionContributor}); every section they contribute is listed here so that a client
 * generated from the description reads all of it.
 *
 * @param visitor the anonymous visitor's profile, absent when only a customer is known
 * @param customer the logged-in customer's CRM traits and profile
 * @param segments the published segments the visitor is in on stored data
 */
@Schema(name = "MeExport", description = "Everything stored about the calling visitor")
public record MeExport(
    String space, ProfileView visitor, CustomerView customer, List<SegmentUse> segments) {

  /** One segment the visitor is in: its rule and the stored data it reads. */
  @Schema(name = "MeSegment")
  public record SegmentUse(String key, String rule, List<String> uses) {}
}
