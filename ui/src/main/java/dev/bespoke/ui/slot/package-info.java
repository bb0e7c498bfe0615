/** Slots, their variants in precedence order, and the variant editor. */
package dev.bespoke.ui.slot;
