/** Workflow transitions, without a database. */
package dev.bespoke.store.content;
