/** {@code /api/v1/admin/spaces/{space}/segments}: segments and their review workflow. */
package dev.bespoke.server.admin.segment;
