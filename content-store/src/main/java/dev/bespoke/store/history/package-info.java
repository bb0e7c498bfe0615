/**
 * Governance records: the audit trail (who did what, when, from which version to which) and the
 * stored snapshot of every version, which rollback restores. Both are written in the transaction of
 * the change they describe, so neither can be missing or describe a change that never was.
 */
package dev.bespoke.store.history;
