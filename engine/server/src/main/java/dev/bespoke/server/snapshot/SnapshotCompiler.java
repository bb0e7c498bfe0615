package dev.bespoke.server.snapshot;

import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionException;
import dev.bespoke.core.condition.ConditionParser;
import dev.bespoke.core.decision.Decider;
import dev.bespoke.core.decision.SegmentCatalog;
import dev.bespoke.core.decision.SegmentMatch;
import dev.bespoke.core.decision.SlotRule;
import dev.bespoke.core.decision.Strategy;
import dev.bespoke.core.decision.VariantRule;
import dev.bespoke.core.experiment.Arm;
import dev.bespoke.core.experiment.ExperimentSpec;
import dev.bespoke.core.experiment.ExperimentType;
import dev.bespoke.core.experiment.ExposureMode;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.publication.PublishedContent;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.variant.Variant;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a consistent read of published content into a {@link SpaceSnapshot}: rules parsed and
 * compiled, HTML sanitised, templates parsed — once per publish, so that per request there is
 * nothing left to do but decide.
 */
@ApplicationScoped
public class SnapshotCompiler {

  private static final Logger LOG = Logger.getLogger(SnapshotCompiler.class);

  private final HtmlSanitizer sanitizer;
  private final EditorTemplates qute;
  private final Clock clock;
  private final ConditionParser parser = new ConditionParser();

  @Inject
  public SnapshotCompiler(HtmlSanitizer sanitizer, EditorTemplates qute) {
    this(sanitizer, qute, Clock.systemUTC());
  }

  SnapshotCompiler(HtmlSanitizer sanitizer, EditorTemplates qute, Clock clock) {
    this.sanitizer = sanitizer;
    this.qute = qute;
    this.clock = clock;
  }

  public SpaceSnapshot compile(PublishedContent content) {
    SegmentCatalog segments = SegmentCatalog.compile(rules(content));
    Map<String, List<Variant>> variantsBySlot =
        content.variants().stream().collect(Collectors.groupingBy(Variant::slot));
    Map<String, PublishedSlot> slots = new HashMap<>();
    for (Slot slot : content.slots()) {
      slots.put(
          slot.key(), publishedSlot(slot, variantsBySlot.getOrDefault(slot.key(), List.of())));
    }
    Map<String, RunningExperiment> experiments = new HashMap<>();
    for (Experiment experiment : content.experiments()) {
      PublishedSlot slot = slots.get(experiment.slot());
      if (slot != null) {
        running(content.space().key(), experiment, slot)
            .ifPresent(e -> experiments.put(e.slot(), e));
      }
    }
    return new SpaceSnapshot(
        content.space().key(),
        content.generation(),
        clock.instant(),
        zoneOf(content.space().timeZone()),
        Boolean.TRUE.equals(content.space().consentRequired()),
        Boolean.TRUE.equals(content.space().deliveryKeyRequired()),
        slots,
        segments,
        new Decider(segments),
        experiments);
  }

  /**
   * The experiment compiled, or empty (with a warning) when it cannot run as stored: an A/B arm
   * whose variant is no longer published would otherwise serve nothing to a whole arm and skew
   * every count, so the experiment pauses (no one enters, no one is counted) until it is fixed.
   */
  private static Optional<RunningExperiment> running(
      String space, Experiment e, PublishedSlot slot) {
    try {
      List<Arm> arms =
          e.arms().stream()
              .map(a -> new Arm(a.key(), a.variant(), Objects.requireNonNullElse(a.weight(), 1)))
              .toList();
      ExperimentSpec spec =
          new ExperimentSpec(
              e.key(),
              ExperimentType.fromWire(e.type()),
              Objects.requireNonNullElse(e.trafficPercent(), 100),
              arms,
              e.goal(),
              Objects.requireNonNullElse(e.alpha(), 0.05),
              ExposureMode.fromWire(Objects.requireNonNullElse(e.exposure(), "decision")),
              Objects.requireNonNullElse(e.hashVersion(), 1));
      SlotRule eligibility = null;
      if (spec.type() == ExperimentType.AB) {
        List<VariantRule> armVariants = new ArrayList<>();
        for (Arm arm : arms) {
          Optional<VariantRule> variant = slot.rule().variant(arm.variantKey());
          if (variant.isEmpty()) {
            LOG.warnf(
                "experiment %s of space %s is paused: arm %s names variant %s, not published",
                e.key(), space, arm.key(), arm.variantKey());
            return Optional.empty();
          }
          if (!variant.get().isDefault()) {
            armVariants.add(variant.get());
          }
        }
        eligibility =
            new SlotRule(slot.key(), slot.rule().channels(), Strategy.FIRST_MATCH, armVariants);
      }
      return Optional.of(
          new RunningExperiment(
              spec, e.slot(), e.validFrom(), e.validUntil(), e.startedAt(), eligibility));
    } catch (IllegalArgumentException | NullPointerException invalid) {
      LOG.warnf(
          "experiment %s of space %s is not delivered: %s", e.key(), space, invalid.getMessage());
      return Optional.empty();
    }
  }

  private Map<String, Condition> rules(PublishedContent content) {
    Map<String, Condition> rules = new HashMap<>();
    for (Segment segment : content.segments()) {
      try {
        rules.put(segment.key(), parser.parse(segment.rule()));
      } catch (ConditionException e) {
        // Rules are validated when saved; one that no longer parses (a rule written by an older
        // version) matches nobody rather than stopping every other segment from publishing.
        LOG.warnf(
            "segment %s of space %s is not delivered: %s",
            segment.key(), content.space().key(), e.getMessage());
      }
    }
    return rules;
  }

  private PublishedSlot publishedSlot(Slot slot, List<Variant> variants) {
    List<VariantRule> rules = new ArrayList<>(variants.size());
    Map<String, VariantContent> contents = new HashMap<>();
    for (Variant variant : variants) {
      rules.add(rule(variant));
      contents.put(
          variant.key(),
          new VariantContent(variant.key(), variant.fields(), sanitizer.sanitize(variant.html())));
    }
    SlotRule rule =
        new SlotRule(slot.key(), setOf(slot.channels()), Strategy.fromWire(slot.strategy()), rules);
    return new PublishedSlot(rule, Boolean.TRUE.equals(slot.cacheable()), contents, template(slot));
  }

  private Template template(Slot slot) {
    if (slot.template() == null || slot.template().isBlank()) {
      return null;
    }
    try {
      // Parsed as HTML in the editors' sandbox, so every {expression} is escaped when rendered.
      return qute.parse(slot.template());
    } catch (TemplateException e) {
      LOG.warnf("slot %s has a template that does not parse; the built-in one is used", slot.key());
      return null;
    }
  }

  private static VariantRule rule(Variant v) {
    return new VariantRule(
        v.key(),
        v.segments() == null ? List.of() : v.segments(),
        SegmentMatch.fromWire(v.segmentMatch()),
        setOf(v.channels()),
        setOf(v.locales()),
        Objects.requireNonNullElse(v.priority(), 0),
        Objects.requireNonNullElse(v.weight(), 1),
        v.validFrom(),
        v.validUntil(),
        Boolean.TRUE.equals(v.isDefault()),
        v.suppressAfterConversion());
  }

  private static Set<String> setOf(List<String> values) {
    return values == null ? Set.of() : new HashSet<>(values);
  }

  private static ZoneId zoneOf(String zone) {
    try {
      return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
