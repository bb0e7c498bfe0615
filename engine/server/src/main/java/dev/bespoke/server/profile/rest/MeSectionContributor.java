package dev.bespoke.server.profile.rest;

import java.util.Optional;

/**
 * Extension point of {@code GET /api/v1/me}: adds one top-level section to the visitor's export,
 * for data kept outside the profile store. The decision side contributes {@code segments} (the
 * visitor's current segments and which data each one used) this way.
 *
 * <p>Runs on a worker thread after the profile was read; must not throw for a visitor it knows
 * nothing about (answer empty instead).
 */
public interface MeSectionContributor {

  /** The section's name in the answer; not {@code space}, {@code visitor} or {@code customer}. */
  String section();

  /** The section for this visitor, serialised as JSON; empty leaves it out. */
  Optional<Object> contribute(MeRequest request);
}
