/** Versions, rollback, optimistic locking and the audit trail. */
package dev.bespoke.server.admin.history;
