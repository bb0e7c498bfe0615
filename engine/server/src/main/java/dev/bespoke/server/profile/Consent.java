package dev.bespoke.server.profile;

import java.time.Instant;

/**
 * What the visitor agreed to, and when. {@code personalization} gates everything stored about the
 * visitor; {@code analytics} only counts (experiment results, reach).
 */
public record Consent(boolean personalization, boolean analytics, Instant at) {}
