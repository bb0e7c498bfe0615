/**
 * The delivery API: decisions as JSON, HTML fragments and the preview simulation. Resources stay
 * thin; {@link dev.bespoke.server.delivery.DeliveryService} turns a resolved request into decisions
 * on the published snapshot and never fails a known slot.
 */
package dev.bespoke.server.delivery;
