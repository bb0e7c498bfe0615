package dev.bespoke.server.profile.testsupport;

import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Profile updates as tests need them, dated in UTC. */
public final class Updates {

  private Updates() {}

  /**
   * An update at {@code at} with no consent check, so tests choose the gate only when it matters.
   */
  public static ProfileUpdate.Builder at(Instant at) {
    return ProfileUpdate.builder(at, LocalDate.ofInstant(at, ZoneOffset.UTC))
        .gate(ConsentGate.NONE);
  }

  /** A page view about {@code category}: what an event batch of one page view writes. */
  public static ProfileUpdate pageview(Instant at, String category) {
    return at(at)
        .pageview()
        .count("pageview.category." + category)
        .score("category." + category)
        .build();
  }
}
