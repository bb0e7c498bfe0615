/**
 * Variants: the pieces of content a slot can show, targeted by segments, channels and locales,
 * ordered by priority and scheduled. At most one published default per slot, guarded in the
 * database as well as here so that two publishers racing cannot both win.
 */
package dev.bespoke.store.variant;
