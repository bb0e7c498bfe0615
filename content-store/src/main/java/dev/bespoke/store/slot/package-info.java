/** Slots: the named places on a page or screen that variants fill. */
package dev.bespoke.store.slot;
