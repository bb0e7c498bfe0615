package dev.bespoke.ui.slot;

import dev.bespoke.core.decision.SegmentMatch;
import dev.bespoke.core.decision.Shadowing;
import dev.bespoke.core.decision.Strategy;
import dev.bespoke.core.decision.VariantRule;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreException;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
import dev.bespoke.ui.reach.ReachWords;
import dev.bespoke.ui.spi.ReachEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the variant editor warns about while tags change: variants the core can prove are never
 * served (this one, or others because of this one), and the reach of each tagged segment with the
 * overlap of the first two.
 */
@ApplicationScoped
public class TargetingCheck {

  /**
   * The warnings and figures for one variant.
   *
   * @param conflicts sentences naming a variant that can never be served and the one that wins
   * @param reach one sentence per tagged segment
   * @param overlap how many visitors are in both of the first two tagged segments, or empty
   */
  public record Checks(List<String> conflicts, List<String> reach, String overlap) {}

  private final SlotService slots;
  private final VariantService variants;
  private final SegmentService segments;
  private final ExperimentService experiments;
  private final ReachEstimator reach;

  public TargetingCheck(
      SlotService slots,
      VariantService variants,
      SegmentService segments,
      ExperimentService experiments,
      ReachEstimator reach) {
    this.slots = slots;
    this.variants = variants;
    this.segments = segments;
    this.experiments = experiments;
    this.reach = reach;
  }

  public Checks check(String space, String slot, Targeting edited) {
    return new Checks(conflicts(space, slot, edited), reach(space, edited), overlap(space, edited));
  }

  /** Every provable shadowing among the slot's variants; for the slot page. */
  public Map<String, String> shadowedVariants(String space, String slot, List<Variant> all) {
    Map<String, String> byVariant = new HashMap<>();
    List<VariantRule> rules = new ArrayList<>();
    for (Variant v : all) {
      rules.add(rule(v));
    }
    Set<String> arms = armVariants(space, slot);
    for (Shadowing.Shadow s : Shadowing.find(strategy(space, slot), rules)) {
      if (!arms.contains(s.shadowed())) {
        byVariant.put(s.shadowed(), s.explanation());
      }
    }
    return byVariant;
  }

  private List<String> conflicts(String space, String slot, Targeting edited) {
    Optional<VariantRule> mine = rule(edited);
    if (mine.isEmpty()) {
      // A schedule that does not parse yet says nothing certain; the save will name the field.
      return List.of();
    }
    List<VariantRule> rules = new ArrayList<>();
    rules.add(mine.get());
    for (Variant v : variantsOf(space, slot)) {
      if (!v.key().equals(mine.get().key())) {
        rules.add(rule(v));
      }
    }
    Set<String> arms = armVariants(space, slot);
    String me = mine.get().key();
    return Shadowing.find(strategy(space, slot), rules).stream()
        .filter(s -> s.shadowed().equals(me) || s.by().equals(me))
        .filter(s -> !arms.contains(s.shadowed()))
        .map(s -> capitalised(s.explanation()) + ".")
        .toList();
  }

  private List<String> reach(String space, Targeting edited) {
    Map<String, String> names = segmentNames(space);
    List<String> lines = new ArrayList<>();
    for (String key : edited.segments()) {
      String name = names.getOrDefault(key, key);
      try {
        lines.add(ReachWords.reach(name, reach.reach(space, key, Optional.empty())));
      } catch (StoreException e) {
        lines.add(name + ": reach cannot be estimated (" + e.getMessage() + ")");
      }
    }
    return lines;
  }

  private String overlap(String space, Targeting edited) {
    if (edited.segments().size() < 2) {
      return "";
    }
    Map<String, String> names = segmentNames(space);
    String first = edited.segments().get(0);
    String second = edited.segments().get(1);
    try {
      return ReachWords.overlap(
          names.getOrDefault(first, first),
          names.getOrDefault(second, second),
          reach.overlap(space, first, second, Optional.empty()));
    } catch (StoreException e) {
      return "";
    }
  }

  /** Variants an A/B experiment serves as an arm are shown to their arm whatever their priority. */
  private Set<String> armVariants(String space, String slot) {
    Set<String> arms = new HashSet<>();
    for (Experiment e :
        experiments
            .list(space, Optional.of("running"), new PageRequest(0, PageRequest.MAX_SIZE))
            .items()) {
      if (slot.equals(e.slot()) && e.arms() != null) {
        e.arms().forEach(a -> arms.add(a.variant()));
      }
    }
    return arms;
  }

  private Strategy strategy(String space, String slot) {
    Slot s = slots.get(space, slot);
    try {
      return Strategy.fromWire(s.strategy());
    } catch (IllegalArgumentException e) {
      return Strategy.WEIGHTED;
    }
  }

  private List<Variant> variantsOf(String space, String slot) {
    return variants
        .list(space, slot, Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE))
        .items()
        .stream()
        .filter(v -> !"archived".equals(v.status()))
        .toList();
  }

  private Map<String, String> segmentNames(String space) {
    Map<String, String> names = new HashMap<>();
    for (Segment s :
        segments.list(space, Optional.empty(), new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
      names.put(s.key(), s.name());
    }
    return names;
  }

  private static VariantRule rule(Variant v) {
    return new VariantRule(
        v.key(),
        v.segments() == null ? List.of() : v.segments(),
        SegmentMatch.fromWire(v.segmentMatch()),
        new HashSet<>(v.channels() == null ? List.of() : v.channels()),
        new HashSet<>(v.locales() == null ? List.of() : v.locales()),
        Objects.requireNonNullElse(v.priority(), 0),
        Objects.requireNonNullElse(v.weight(), 1),
        v.validFrom(),
        v.validUntil(),
        Boolean.TRUE.equals(v.isDefault()),
        v.suppressAfterConversion());
  }

  private static Optional<VariantRule> rule(Targeting t) {
    try {
      return Optional.of(
          new VariantRule(
              t.key() == null || t.key().isBlank() ? "this variant" : t.key(),
              t.segments(),
              "all".equals(t.segmentMatch()) ? SegmentMatch.ALL : SegmentMatch.ANY,
              new HashSet<>(t.channels()),
              new HashSet<>(t.locales()),
              t.priority(),
              1,
              instant(t.validFrom()),
              instant(t.validUntil()),
              t.isDefault(),
              t.suppressAfterConversion() == null || t.suppressAfterConversion().isBlank()
                  ? null
                  : t.suppressAfterConversion().strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(String value) {
    return value == null || value.isBlank()
        ? null
        : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
