/** Checks on the browser script as built. */
package dev.bespoke.cms.sdk;
