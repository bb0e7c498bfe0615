/**
 * The reliability catalogue (shared RELIABILITY.md) as tests: hostile inputs ({@code hostile}),
 * authorisation bypass attempts ({@code auth}), privacy checks ({@code privacy}), limits and
 * back-pressure ({@code limits}) and faults injected into real processes ({@code fault}). Each test
 * is named by its catalogue number (H07, A9, P11, F5) so a report maps back to the row.
 */
package dev.bespoke.server.reliability;
