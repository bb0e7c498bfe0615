/**
 * One error shape for every failure: RFC 9457 {@code application/problem+json} with an {@code
 * errors} list naming each bad field. Unknown failures become a logged 500 with an opaque id, never
 * a class name or stack trace in the body.
 */
package dev.bespoke.server.problem;
