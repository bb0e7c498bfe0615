package dev.bespoke.server.delivery;

import dev.bespoke.server.context.IncomingRequest;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.profile.service.ProfileRead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One request for decisions, from any entry point (JSON, fragment, simulation).
 *
 * @param resolvedOverride the visitor as a preview describes it, instead of resolving the request
 * @param profileOverride a profile to decide with instead of the stored one (simulation)
 * @param at the time to decide at; empty means now
 * @param withTrace whether each decision carries the full trace
 * @param sideEffects whether the visit is recorded and a cookie may be set (not for previews)
 */
public record DeliveryCall(
    String space,
    String channel,
    List<String> slots,
    IncomingRequest incoming,
    Optional<ResolvedRequest> resolvedOverride,
    Optional<ProfileRead> profileOverride,
    Optional<Instant> at,
    boolean withTrace,
    boolean sideEffects) {

  public static final String DEFAULT_SPACE = "default";

  /** A live request from a page or app. */
  public static DeliveryCall live(
      String space, String channel, List<String> slots, IncomingRequest incoming) {
    return new DeliveryCall(
        space,
        channel,
        slots,
        incoming,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        true);
  }

  public DeliveryCall {
    space = space == null || space.isEmpty() ? DEFAULT_SPACE : space;
    slots = slots == null ? List.of() : slots;
  }
}
