/**
 * The server's side of the editor console: implementations of the console's SPI ({@link
 * dev.bespoke.ui.spi}) over the live decision path and the experiment store.
 */
package dev.bespoke.server.console;
