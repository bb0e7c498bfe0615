/**
 * Personas: named sample visitors ("Dutch returning shoe fan") whose context the console's preview
 * and the simulate endpoint use to show a page as that visitor would see it.
 */
package dev.bespoke.store.persona;
