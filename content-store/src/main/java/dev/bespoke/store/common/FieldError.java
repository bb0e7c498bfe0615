package dev.bespoke.store.common;

/**
 * One bad field of a request. {@code field} is a JSON path into the request body ({@code key},
 * {@code channels[1]}, {@code rule.all[0].op}) so a client can point at it.
 */
public record FieldError(String field, String message) {}
