/**
 * Reach in the console: the share of recently seen visitors in a segment, and two segments'
 * overlap, shown in the segment builder and the variant editor.
 */
package dev.bespoke.ui.reach;
