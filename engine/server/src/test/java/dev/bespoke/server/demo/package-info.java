/** The demo shop and the browser script in Debian's Chromium, driven by Playwright. */
package dev.bespoke.server.demo;
