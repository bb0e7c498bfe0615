/** Segment list and the segment builder (rows, nested groups, JSON view, inline errors). */
package dev.bespoke.ui.segment;
