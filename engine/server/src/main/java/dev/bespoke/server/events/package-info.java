/**
 * Event ingestion ({@code POST /api/v1/events}): page views, impressions, clicks, conversions and
 * custom events posted back by pages and apps. Behaviour updates the visitor's profile so the very
 * next request sees it; impressions, clicks and conversions are handed to an {@link
 * dev.bespoke.server.events.ExperimentEventSink} for experiment results.
 *
 * <p>Sub-packages: {@code service} (validation-free use case, profile mapping, the bounded buffer
 * and its shutdown drain), {@code rest} (the wire records and the thin resource).
 */
package dev.bespoke.server.events;
