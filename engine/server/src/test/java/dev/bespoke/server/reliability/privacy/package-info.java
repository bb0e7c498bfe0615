/**
 * Privacy checks P1–P12 of the catalogue that no other test already proves under its id: cache
 * headers on personalised answers, metric labels, what a CMS webhook leaves in the database. The
 * rows proven elsewhere carry their id in the display name there (docs/security.md lists where).
 */
package dev.bespoke.server.reliability.privacy;
