package dev.bespoke.core.condition;

import java.util.Objects;

/**
 * One problem in a rule. {@code path} names the offending field from the rule's root, for example
 * {@code rule.all[2].any[0].op}, so the admin API can put it straight into a problem's {@code
 * errors[].field}.
 */
public record RuleError(String path, String message) {
  public RuleError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
