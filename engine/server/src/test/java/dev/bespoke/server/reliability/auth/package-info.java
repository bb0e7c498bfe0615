/**
 * Authorisation bypass attempts A1–A16 of the catalogue that the admin and delivery APIs can
 * answer; the console rows (CSRF, Origin, session fixation and replay) belong to the console.
 */
package dev.bespoke.server.reliability.auth;
