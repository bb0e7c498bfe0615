/** Slots: create, read, update, list, archive. */
package dev.bespoke.server.admin.slot;
