/**
 * Consent: whether the visitor allowed personalisation and analytics, from the request body or the
 * {@code bespoke_consent} cookie a consent tool sets.
 */
package dev.bespoke.server.context.consent;
