/** Variant validation, without a database. */
package dev.bespoke.store.variant;
