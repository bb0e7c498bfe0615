package dev.bespoke.server.profile.rest;

/**
 * The answer to a customer import.
 *
 * @param imported customers whose traits were replaced
 * @param skipped customers left alone because they were erased
 */
public record ImportAnswer(int imported, int skipped) {}
