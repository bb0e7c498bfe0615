/**
 * Test support for profiles and events: a private {@code redis-server} per test class that tests
 * may kill and pause (never the shared one on 6379), a settable clock, and update builders.
 */
package dev.bespoke.server.profile.testsupport;
