/** Browser tests of the editor console: Debian's Chromium driven by Playwright. */
package dev.bespoke.server.console;
