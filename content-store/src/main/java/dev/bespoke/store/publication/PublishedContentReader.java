package dev.bespoke.store.publication;

import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.segment.Segment;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.Slot;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.space.Space;
import dev.bespoke.store.space.SpaceService;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads what the engine may deliver, in one transaction per space. */
@ApplicationScoped
public class PublishedContentReader {

  private static final Optional<String> PUBLISHED = Optional.of("published");
  private static final Optional<String> RUNNING = Optional.of("running");
  private static final List<String> NOT_ARCHIVED = List.of("published", "in_review", "draft");

  private final SpaceService spaces;
  private final SlotService slots;
  private final VariantService variants;
  private final SegmentService segments;
  private final ExperimentService experiments;
  private final EntityManager entityManager;

  public PublishedContentReader(
      SpaceService spaces,
      SlotService slots,
      VariantService variants,
      SegmentService segments,
      ExperimentService experiments,
      EntityManager entityManager) {
    this.spaces = spaces;
    this.slots = slots;
    this.variants = variants;
    this.segments = segments;
    this.experiments = experiments;
    this.entityManager = entityManager;
  }

  /** Every space's change marker, to notice changes cheaply: one small query. */
  @Transactional
  public Map<String, Long> generations() {
    Map<String, Long> result = new HashMap<>();
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select a.space, max(a.id) from AuditEntryEntity a group by a.space",
                Object[].class)
            .getResultList();
    for (Object[] row : rows) {
      result.put((String) row[0], (Long) row[1]);
    }
    return result;
  }

  /** The space's published content, or empty when the space does not exist or is archived. */
  @Transactional
  public Optional<PublishedContent> read(String spaceKey) {
    Optional<Space> space = spaces.find(spaceKey).filter(s -> !"archived".equals(s.status()));
    if (space.isEmpty()) {
      return Optional.empty();
    }
    // The marker is read first: if a publish lands while we read, the next poll sees a newer
    // marker and reads again, so a snapshot is never marked newer than its content.
    long generation = generations().getOrDefault(spaceKey, 0L);
    List<Slot> publishedSlots = all(p -> slots.list(spaceKey, PUBLISHED, p));
    // One query for every variant rather than one per slot: a space of 1,000 slots rebuilt in
    // seconds slot by slot and well under one as a whole.
    Set<String> slotKeys = publishedSlots.stream().map(Slot::key).collect(Collectors.toSet());
    List<Variant> publishedVariants =
        variants.listInSpace(spaceKey, PUBLISHED.get()).stream()
            .filter(v -> slotKeys.contains(v.slot()))
            .toList();
    return Optional.of(
        new PublishedContent(
            space.get(),
            generation,
            publishedSlots,
            publishedVariants,
            all(p -> segments.list(spaceKey, PUBLISHED, p)),
            all(p -> experiments.list(spaceKey, RUNNING, p))));
  }

  /**
   * The space's content as it will be once every draft and every change in review is published:
   * what the console's "include drafts" preview decides on. Editing published content turns it back
   * into a draft, so each item appears once, in its newest form. Archived content is left out.
   */
  @Transactional
  public Optional<PublishedContent> readIncludingDrafts(String spaceKey) {
    Optional<Space> space = spaces.find(spaceKey).filter(s -> !"archived".equals(s.status()));
    if (space.isEmpty()) {
      return Optional.empty();
    }
    long generation = generations().getOrDefault(spaceKey, 0L);
    List<Slot> liveSlots = new ArrayList<>();
    List<Variant> liveVariants = new ArrayList<>();
    List<Segment> liveSegments = new ArrayList<>();
    for (String status : NOT_ARCHIVED) {
      Optional<String> only = Optional.of(status);
      liveSlots.addAll(all(p -> slots.list(spaceKey, only, p)));
      liveVariants.addAll(variants.listInSpace(spaceKey, status));
      liveSegments.addAll(all(p -> segments.list(spaceKey, only, p)));
    }
    Set<String> slotKeys = liveSlots.stream().map(Slot::key).collect(Collectors.toSet());
    return Optional.of(
        new PublishedContent(
            space.get(),
            generation,
            liveSlots,
            liveVariants.stream().filter(v -> slotKeys.contains(v.slot())).toList(),
            liveSegments,
            all(p -> experiments.list(spaceKey, RUNNING, p))));
  }

  private static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
    List<T> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<T> next = pages.apply(new PageRequest(page, PageRequest.MAX_SIZE));
      items.addAll(next.items());
      if (next.items().size() < PageRequest.MAX_SIZE) {
        return items;
      }
    }
  }
}
