package dev.bespoke.server.profile.rest;

import dev.bespoke.server.profile.identity.Caller;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.profile.service.SpacePolicy;
import java.util.Optional;

/**
 * What {@code GET /api/v1/me} found, handed to each {@link MeSectionContributor}.
 *
 * @param visitor the anonymous visitor's stored profile, when any
 * @param customer the logged-in customer's stored profile and CRM traits, when any
 */
public record MeRequest(
    SpacePolicy space,
    Caller caller,
    Optional<ProfileRead> visitor,
    Optional<ProfileRead> customer) {}
