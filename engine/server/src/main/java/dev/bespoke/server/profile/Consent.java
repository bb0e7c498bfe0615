package dev.bespoke.server.profile;

import dev.bespoke.server.context.consent.ConsentState;
import java.time.Instant;

/**
 * What the visitor agreed to, and when. {@code personalization} gates everything stored about the
 * visitor; {@code analytics} only counts (experiment results, reach).
 */
public record Consent(boolean personalization, boolean analytics, Instant at) {

  /** The stored answers in the form a request's consent takes, to combine the two. */
  public dev.bespoke.server.context.consent.Consent asAnswers() {
    return new dev.bespoke.server.context.consent.Consent(
        ConsentState.of(personalization), ConsentState.of(analytics));
  }
}
