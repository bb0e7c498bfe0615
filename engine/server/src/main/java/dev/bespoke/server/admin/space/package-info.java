/** {@code /api/v1/admin/spaces}: admins create, change and archive spaces; editors read them. */
package dev.bespoke.server.admin.space;
