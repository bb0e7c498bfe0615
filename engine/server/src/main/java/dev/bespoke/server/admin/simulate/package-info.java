/**
 * Previews: what a given visitor would be shown, with a trace of every variant considered and why
 * it was taken or passed over. The console's "preview as" uses it.
 */
package dev.bespoke.server.admin.simulate;
