/** Admin endpoints for a space's public delivery keys ({@code X-Bespoke-Key}). */
package dev.bespoke.server.admin.deliverykey;
