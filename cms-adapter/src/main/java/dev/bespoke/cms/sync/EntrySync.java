package dev.bespoke.cms.sync;

import dev.bespoke.cms.connector.EntryAction;
import dev.bespoke.cms.connector.EntryEvent;
import dev.bespoke.cms.connector.MappedVariant;
import dev.bespoke.cms.settings.PublishAs;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.content.WorkflowStatus;
import dev.bespoke.store.slot.SlotEntity;
import dev.bespoke.store.slot.SlotRepository;
import dev.bespoke.store.space.SpaceEntity;
import dev.bespoke.store.space.SpaceRepository;
import dev.bespoke.store.variant.Variant;
import dev.bespoke.store.variant.VariantEntity;
import dev.bespoke.store.variant.VariantRepository;
import dev.bespoke.store.variant.VariantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies one entry event to the space's variants, idempotently. Every change goes through {@link
 * VariantService}, so it is validated, versioned and audited like an editor's, with the CMS ({@code
 * cms:contentful}) as the actor. An event applies only if its (revision, action) is above the last
 * one applied for the entry: a replay or a late older delivery changes nothing.
 */
@ApplicationScoped
@Transactional
public class EntrySync {

  static final String APPLIED = "applied";
  static final String UNCHANGED = "unchanged";
  static final String IGNORED = "ignored";

  private final CmsEntryRepository ledger;
  private final VariantService variants;
  private final VariantRepository variantRows;
  private final SlotRepository slots;
  private final SpaceRepository spaces;
  private final Clock clock;

  public EntrySync(
      CmsEntryRepository ledger,
      VariantService variants,
      VariantRepository variantRows,
      SlotRepository slots,
      SpaceRepository spaces,
      Clock clock) {
    this.ledger = ledger;
    this.variants = variants;
    this.variantRows = variantRows;
    this.slots = slots;
    this.spaces = spaces;
    this.clock = clock;
  }

  public static String actor(String connector) {
    return "cms:" + connector;
  }

  public EntryOutcome apply(String space, String connector, PublishAs publishAs, EntryEvent event) {
    return apply(space, connector, publishAs, event, actor(connector));
  }

  public EntryOutcome apply(
      String space, String connector, PublishAs publishAs, EntryEvent event, String actor) {
    String action = event.action().wireName();
    if (event.action() == EntryAction.IGNORE) {
      return new EntryOutcome(
          event.entryId(), action, event.revision(), IGNORED, List.of(), null, event.note());
    }
    SpaceEntity owner = spaces.requireWritable(space);
    Optional<CmsEntryEntity> last = ledger.lock(space, connector, event.entryId());
    if (last.isPresent() && !isNewer(event, last.get())) {
      CmsEntryEntity seen = last.get();
      String why =
          seen.revision == event.revision() && seen.actionRank == event.action().rank()
              ? "a replay of the event already applied"
              : "older than what was applied (revision " + seen.revision + ", " + seen.action + ")";
      return new EntryOutcome(
          event.entryId(),
          action,
          event.revision(),
          UNCHANGED,
          StoreJson.readStrings(seen.variants),
          null,
          why);
    }
    List<String> before = last.map(e -> StoreJson.readStrings(e.variants)).orElse(List.of());
    List<String> after;
    String status;
    switch (event.action()) {
      case PUBLISH -> {
        checkSlots(owner, event.variants());
        after = event.variants().stream().map(v -> v.slot() + "/" + v.key()).toList();
        for (String gone : before) {
          if (!after.contains(gone)) {
            archive(space, owner, gone, actor);
          }
        }
        status = null;
        for (MappedVariant v : event.variants()) {
          status = upsert(space, owner, v, publishAs, actor);
        }
      }
      case UNPUBLISH -> {
        after = before;
        for (String ref : before) {
          unpublish(space, owner, ref, actor);
        }
        status = WorkflowStatus.DRAFT.wireName();
      }
      default -> {
        after = before;
        for (String ref : before) {
          archive(space, owner, ref, actor);
        }
        status = WorkflowStatus.ARCHIVED.wireName();
      }
    }
    CmsEntryEntity row = last.orElseGet(CmsEntryEntity::new);
    if (last.isEmpty()) {
      row.space = space;
      row.connector = connector;
      row.entryId = event.entryId();
    }
    row.revision = event.revision();
    row.actionRank = event.action().rank();
    row.action = action;
    row.variants = StoreJson.write(after);
    row.updatedAt = clock.instant();
    if (last.isEmpty()) {
      ledger.persist(row);
    }
    String detail =
        after.isEmpty() && event.action() != EntryAction.PUBLISH
            ? "no variant of this entry was known; recorded so an older publish cannot revive it"
            : null;
    return new EntryOutcome(
        event.entryId(), action, event.revision(), APPLIED, after, status, detail);
  }

  private static boolean isNewer(EntryEvent event, CmsEntryEntity last) {
    if (event.revision() != last.revision) {
      return event.revision() > last.revision;
    }
    return event.action().rank() > last.actionRank;
  }

  /** All slots first, so an entry that names a missing slot changes nothing at all. */
  private void checkSlots(SpaceEntity owner, List<MappedVariant> mapped) {
    Set<String> missing =
        mapped.stream()
            .map(MappedVariant::slot)
            .filter(slot -> slots.find(owner, slot).isEmpty())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!missing.isEmpty()) {
      throw ValidationException.of(
          "slot",
          "the entry maps to slot "
              + String.join(", ", missing)
              + ", which space "
              + owner.key
              + " does not have; create the slot or fix the connector mapping");
    }
  }

  /** Creates or updates the variant, then submits or publishes it; returns its status. */
  private String upsert(
      String space, SpaceEntity owner, MappedVariant v, PublishAs publishAs, String actor) {
    SlotEntity slot = slots.find(owner, v.slot()).orElseThrow();
    Optional<VariantEntity> existing = variantRows.find(slot, v.key());
    if (existing.isEmpty()) {
      variants.create(space, v.slot(), input(v, null), actor);
    } else {
      VariantEntity row = existing.get();
      if (WorkflowStatus.ARCHIVED.wireName().equals(row.status)) {
        // Archived content is frozen; a newer publish from the CMS brings back the version
        // before the archive, which the update below then replaces.
        variants.rollback(space, v.slot(), v.key(), row.version - 1, actor);
      }
      variants.update(space, v.slot(), v.key(), input(v, row.version), actor);
    }
    Variant done =
        publishAs == PublishAs.PUBLISHED
            ? variants.publish(space, v.slot(), v.key(), actor)
            : variants.submit(space, v.slot(), v.key(), actor);
    return done.status();
  }

  private void unpublish(String space, SpaceEntity owner, String ref, String actor) {
    find(owner, ref)
        .filter(row -> WorkflowStatus.PUBLISHED.wireName().equals(row.status))
        .ifPresent(row -> variants.unpublish(space, row.slot.key, row.key, actor));
  }

  private void archive(String space, SpaceEntity owner, String ref, String actor) {
    find(owner, ref).ifPresent(row -> variants.archive(space, row.slot.key, row.key, actor));
  }

  private Optional<VariantEntity> find(SpaceEntity owner, String ref) {
    int slash = ref.indexOf('/');
    return slots
        .find(owner, ref.substring(0, slash))
        .flatMap(slot -> variantRows.find(slot, ref.substring(slash + 1)));
  }

  private static Variant input(MappedVariant v, Long version) {
    return new Variant(
        v.key(),
        v.slot(),
        v.name(),
        v.fields(),
        v.html(),
        v.segments(),
        null,
        v.channels(),
        v.locales(),
        v.priority(),
        null,
        null,
        null,
        false,
        null,
        null,
        version);
  }
}
