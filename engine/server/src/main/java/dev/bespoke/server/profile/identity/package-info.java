/**
 * Who is calling {@code /api/v1/me} and {@code /api/v1/events}: the signed visitor id (cookie or
 * body), the logged-in customer and the consent the request states. {@link
 * dev.bespoke.server.profile.identity.VisitorIdentity} is the one seam to context resolution, so
 * the profile and event code never parse cookies or tokens itself.
 */
package dev.bespoke.server.profile.identity;
