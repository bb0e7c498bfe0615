package dev.bespoke.server.experiment.assign;

import dev.bespoke.core.decision.Decision;
import dev.bespoke.server.snapshot.RunningExperiment;
import java.util.Optional;

/**
 * One slot's decision after the experiment on it had its say.
 *
 * @param decision what to serve: the core's decision, or the arm's content
 * @param experiment the experiment the visitor is in for this slot, when any
 * @param arm the visitor's arm in it
 * @param countAtDecision whether this decision is the exposure ({@code exposure: decision})
 * @param storedArm whether the visitor's profile already holds the assignment
 */
public record ArmDecision(
    Decision decision,
    Optional<RunningExperiment> experiment,
    String arm,
    boolean countAtDecision,
    boolean storedArm) {

  public static ArmDecision none(Decision decision) {
    return new ArmDecision(decision, Optional.empty(), null, false, false);
  }

  public boolean inExperiment() {
    return experiment.isPresent();
  }

  public String experimentKey() {
    return experiment.map(RunningExperiment::key).orElse(null);
  }
}
