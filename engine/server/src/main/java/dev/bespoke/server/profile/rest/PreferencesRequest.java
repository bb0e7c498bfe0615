package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** {@code PUT /api/v1/me/preferences}: self-stated traits, replacing earlier ones. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreferencesRequest(Map<String, Object> traits) {}
