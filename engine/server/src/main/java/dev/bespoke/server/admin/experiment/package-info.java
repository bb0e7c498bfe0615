/** {@code /api/v1/admin/spaces/{space}/experiments}: experiment configuration (CRUD for now). */
package dev.bespoke.server.admin.experiment;
