/** {@code /api/v1/admin/spaces/{space}/slots/{slot}/variants}: variants and their workflow. */
package dev.bespoke.server.admin.variant;
