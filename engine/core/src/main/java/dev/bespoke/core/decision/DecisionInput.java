package dev.bespoke.core.decision;

import java.util.Objects;
import java.util.Set;

/**
 * The request facts a decision needs besides the visitor context.
 *
 * @param stickinessId what stable picks hash on (the visitor id), so a visitor sees the same
 *     variant on every request and every node
 * @param convertedGoals goals this visitor has converted on, for suppression
 * @param withTrace whether to record why every variant was taken or passed over (previews)
 * @param bandit what bandit slots have learnt; {@link BanditEvidence#NONE} when nothing
 */
public record DecisionInput(
    String channel,
    String locale,
    String stickinessId,
    Set<String> convertedGoals,
    boolean withTrace,
    BanditEvidence bandit) {

  public DecisionInput {
    Objects.requireNonNull(channel, "channel");
    stickinessId = stickinessId == null ? "" : stickinessId;
    convertedGoals = convertedGoals == null ? Set.of() : Set.copyOf(convertedGoals);
    bandit = bandit == null ? BanditEvidence.NONE : bandit;
  }

  /** An input without bandit evidence: bandit slots explore evenly. */
  public DecisionInput(
      String channel,
      String locale,
      String stickinessId,
      Set<String> convertedGoals,
      boolean withTrace) {
    this(channel, locale, stickinessId, convertedGoals, withTrace, BanditEvidence.NONE);
  }
}
