package dev.bespoke.ui.spi;

import java.util.List;

/** Runs the live decision path for a described visitor, without storing anything about them. */
public interface Previewer {

  List<PreviewDecision> preview(String space, PreviewRequest request);
}
