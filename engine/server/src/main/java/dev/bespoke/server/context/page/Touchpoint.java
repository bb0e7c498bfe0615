package dev.bespoke.server.context.page;

import java.util.Locale;

/** How the visitor arrived at the page; see docs/sessions.md for the table that decides it. */
public enum Touchpoint {
  DIRECT,
  SEARCH,
  SOCIAL,
  EMAIL,
  PAID,
  REFERRAL;

  /** The value rules compare against: {@code direct}, {@code search}, … */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
