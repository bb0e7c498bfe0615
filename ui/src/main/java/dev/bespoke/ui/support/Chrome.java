package dev.bespoke.ui.support;

/**
 * The frame around every console page.
 *
 * @param section the navigation entry to highlight
 * @param csrf the token every form on the page carries
 */
public record Chrome(
    String user,
    String role,
    boolean publisher,
    boolean admin,
    String csrf,
    String section,
    String title) {}
