package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code PUT /api/v1/me/consent}. Both answers are required; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentRequest(Boolean personalization, Boolean analytics) {}
