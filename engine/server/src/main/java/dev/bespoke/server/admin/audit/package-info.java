/** {@code /api/v1/admin/spaces/{space}/audit}: the space's audit trail, newest first. */
package dev.bespoke.server.admin.audit;
