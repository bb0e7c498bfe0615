/**
 * Profile storage: the {@link dev.bespoke.server.profile.store.ProfileStore} contract, its two
 * implementations (in-process for the embedded mode, Redis for several nodes) and the bean that
 * picks one from {@code bespoke.profile.store}. Both apply the same operations with the same
 * results; one contract test runs against each.
 */
package dev.bespoke.server.profile.store;
