/**
 * Context resolution: turns one HTTP request into what the decision core evaluates.
 *
 * <p>The resource layer fills an {@link dev.bespoke.server.context.IncomingRequest} from the
 * request (headers, cookies, remote address and the body's fields) and asks {@link
 * dev.bespoke.server.context.RequestContextResolver} for a {@link
 * dev.bespoke.server.context.ResolvedRequest}: the visitor id, consent, the logged-in customer and
 * the plain attributes ({@code device.type}, {@code geo.country}, {@code utm.source}, …) ready for
 * {@code VisitorContext.Builder}. Each signal has its own small bean in a sub-package so it can be
 * configured and tested alone.
 *
 * <p>Everything here treats the request as hostile: every input is bounded before any work, bad
 * input makes a signal absent instead of failing the request, and cookie values, tokens and IP
 * addresses are never logged.
 */
package dev.bespoke.server.context;
