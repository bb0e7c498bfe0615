/** Paging bounds, key syntax and the link URL rule. */
package dev.bespoke.store.common;
