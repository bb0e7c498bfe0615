/**
 * The editor console: Qute pages over the content store's services and the core's catalogue. Never
 * imports the server module; what only the running engine knows reaches it through interfaces
 * declared in lower modules.
 */
package dev.bespoke.ui;
