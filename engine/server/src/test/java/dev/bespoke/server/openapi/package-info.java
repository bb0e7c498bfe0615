/**
 * The published OpenAPI description as a stranger's tooling sees it: a client generated from the
 * running service's {@code /q/openapi} with openapi-generator-cli, compiled and called.
 */
package dev.bespoke.server.openapi;
