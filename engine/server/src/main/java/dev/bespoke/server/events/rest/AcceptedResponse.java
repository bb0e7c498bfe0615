package dev.bespoke.server.events.rest;

/** The 202 answer: how many events of the batch were accepted. */
public record AcceptedResponse(int accepted) {}
