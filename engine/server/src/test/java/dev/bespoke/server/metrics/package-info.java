/** Tests of what a node exposes at {@code /q/metrics}. */
package dev.bespoke.server.metrics;
