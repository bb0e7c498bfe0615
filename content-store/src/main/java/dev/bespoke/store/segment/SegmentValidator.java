package dev.bespoke.store.segment;

import dev.bespoke.core.condition.Condition;
import dev.bespoke.store.common.FieldErrors;
import java.util.List;

/** Checks a segment from a request, its rule included. */
final class SegmentValidator {

  private SegmentValidator() {}

  /**
   * @param others the space's segments that are not archived, for the {@code inSegment} check
   */
  static Segment clean(Segment in, List<SegmentEntity> others) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    errors.requiredText("name", in.name(), 200);
    errors.maxLength("description", in.description(), 2_000);
    var condition = SegmentRules.parse(in.rule(), errors);
    if (condition.isPresent() && in.key() != null && errors.isEmpty()) {
      List<SegmentEntity> rest = others.stream().filter(o -> !o.key.equals(in.key())).toList();
      SegmentRules.checkReferences(in.key(), condition.get(), rest, errors);
    }
    errors.throwIfAny();
    return new Segment(
        in.key(), in.name().strip(), in.description(), in.rule(), in.status(), in.version());
  }

  /** Whether a stored rule names {@code key} with inSegment. */
  static boolean refersTo(SegmentEntity segment, String key) {
    return SegmentRules.parseStored(segment.rule)
        .map(Condition::referencedSegments)
        .map(refs -> refs.contains(key))
        .orElse(false);
  }
}
