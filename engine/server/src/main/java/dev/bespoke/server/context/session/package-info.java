/**
 * The logged-in customer: verifies the host site's session JWT (HS256, RS256 or ES256, keys only
 * from configuration) and turns its claims into {@code customer.*} attributes.
 */
package dev.bespoke.server.context.session;
