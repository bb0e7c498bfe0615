/** Paging bounds and key syntax. */
package dev.bespoke.store.common;
