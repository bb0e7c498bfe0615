/**
 * CORS for the delivery API only, so that pages on configured origins may call it from the browser.
 * The admin API and the console never answer cross-origin requests.
 */
package dev.bespoke.server.delivery.cors;
