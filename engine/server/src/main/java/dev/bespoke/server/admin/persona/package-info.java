/** {@code /api/v1/admin/spaces/{space}/personas}: sample visitors for preview. */
package dev.bespoke.server.admin.persona;
