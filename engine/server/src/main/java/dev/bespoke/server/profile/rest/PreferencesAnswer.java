package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The traits stored, and the visitor id an app should keep sending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreferencesAnswer(Map<String, Object> traits, String visitorId) {}
