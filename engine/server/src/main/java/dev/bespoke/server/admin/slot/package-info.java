/** {@code /api/v1/admin/spaces/{space}/slots}: slots and their review workflow. */
package dev.bespoke.server.admin.slot;
