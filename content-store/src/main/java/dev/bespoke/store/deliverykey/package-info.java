/**
 * Public delivery keys of a space: when a space sets {@code deliveryKeyRequired}, delivery calls
 * must carry one of its active keys in {@code X-Bespoke-Key}. Admins create and revoke them; only a
 * digest is stored.
 */
package dev.bespoke.store.deliverykey;
