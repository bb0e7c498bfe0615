/**
 * Visitor identity: signed visitor ids ({@code v1.<random>.<mac>}), the {@code bespoke_vid} cookie,
 * the signing key and its source, and a {@link dev.bespoke.server.context.visitor.Signer} for other
 * opaque tokens such as decision ids.
 */
package dev.bespoke.server.context.visitor;
