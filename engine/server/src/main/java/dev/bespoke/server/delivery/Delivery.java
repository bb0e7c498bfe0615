package dev.bespoke.server.delivery;

import dev.bespoke.core.decision.Decision;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.snapshot.PublishedSlot;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a {@link DeliveryCall}: the wire answer plus what the HTTP layer needs for cookies
 * and cache headers, and the core's decisions for traces and fragments.
 *
 * @param cacheKey when every slot is cacheable, the segment combination a CDN may key on
 * @param expireCookie whether the answer makes the browser drop {@code bespoke_vid}: the visitor
 *     refused personalisation earlier and the request did not say otherwise
 */
public record Delivery(
    ResolvedRequest resolved,
    DecisionsResponse response,
    List<Decision> decisions,
    List<PublishedSlot> slots,
    Optional<String> cacheKey,
    boolean expireCookie) {}
