package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The consent now in force, and the visitor id an app should keep sending ({@code null} when no
 * visitor is known, for example after a refusal before any visit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentAnswer(boolean personalization, boolean analytics, String visitorId) {}
