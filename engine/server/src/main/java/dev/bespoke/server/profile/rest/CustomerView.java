package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A logged-in customer's stored data: CRM traits and the customer's profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(String customerId, Map<String, Object> traits, ProfileView profile) {}
