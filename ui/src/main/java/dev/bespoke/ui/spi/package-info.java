/**
 * What the console needs from the running engine but may not import from it: previews through the
 * live decision path, experiment start, stop, results and promotion, and the CMS connector
 * settings. The server implements these interfaces; the console only calls them.
 */
package dev.bespoke.ui.spi;
