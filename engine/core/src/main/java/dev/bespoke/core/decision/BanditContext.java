package dev.bespoke.core.decision;

import dev.bespoke.core.context.VisitorContext;
import java.util.TreeSet;

/**
 * The segment context a bandit learns in. Visitors who are in the same segments among those the
 * slot's variants target share their evidence; visitors in other segments learn separately, so a
 * variant that wins with one audience is not pushed on another. It names segments only, never a
 * visitor's values, and is the same on every node for the same visitor and snapshot.
 */
public final class BanditContext {

  /** The context of visitors in none of the slot's targeted segments. */
  public static final String EVERYONE = "everyone";

  private BanditContext() {}

  public static String of(SlotRule slot, VisitorContext context) {
    TreeSet<String> in = new TreeSet<>();
    for (VariantRule variant : slot.variants()) {
      for (String segment : variant.segments()) {
        if (!in.contains(segment) && context.inSegment(segment)) {
          in.add(segment);
        }
      }
    }
    return in.isEmpty() ? EVERYONE : String.join("+", in);
  }
}
