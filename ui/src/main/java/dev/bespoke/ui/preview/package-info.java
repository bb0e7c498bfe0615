/** Personas and "preview as": every slot's decision for a described visitor, with its trace. */
package dev.bespoke.ui.preview;
