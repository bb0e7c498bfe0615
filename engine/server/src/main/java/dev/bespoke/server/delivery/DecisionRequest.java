package dev.bespoke.server.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/v1/decisions}. Unknown fields are ignored here, as the contract asks of the
 * delivery API: old pages keep working when a newer script sends more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionRequest(
    String space,
    @Schema(required = true, examples = "web") String channel,
    @Schema(required = true, minItems = 1, maxItems = 20) List<String> slots,
    String visitorId,
    PageRef page,
    String locale,
    Map<String, Object> traits,
    ConsentRef consent) {

  /** The page being rendered: its URL (for path, host and UTM) and its referrer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PageRef(String url, String referrer) {}

  /** Consent as the page's consent tool reports it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConsentRef(Boolean personalization, Boolean analytics) {}
}
