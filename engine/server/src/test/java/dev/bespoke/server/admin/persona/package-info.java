/** Personas: sample visitors for preview. */
package dev.bespoke.server.admin.persona;
