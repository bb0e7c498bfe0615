/** Spaces: admin-only changes, archiving freezes content. */
package dev.bespoke.server.admin.space;
