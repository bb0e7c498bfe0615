/** Checks on the settings themselves, made without starting the application. */
package dev.bespoke.server.config;
