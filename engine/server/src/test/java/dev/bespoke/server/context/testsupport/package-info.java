/**
 * Fixtures for the context tests: hand-made configurations (so beans are tested without booting
 * Quarkus), test resources, and one shared User-Agent parser (it takes seconds to build).
 */
package dev.bespoke.server.context.testsupport;
