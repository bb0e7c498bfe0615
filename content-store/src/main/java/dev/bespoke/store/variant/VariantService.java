package dev.bespoke.store.variant;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.content.Reviewed;
import dev.bespoke.store.content.WorkflowStatus;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import dev.bespoke.store.segment.SegmentRepository;
import dev.bespoke.store.slot.SlotEntity;
import dev.bespoke.store.slot.SlotRepository;
import dev.bespoke.store.space.SpaceRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Variants of a slot: edit, review, publish, archive, roll back. In the audit trail and version
 * history a variant's key is {@code slot/variant}.
 */
@ApplicationScoped
@Transactional
public class VariantService extends Reviewed<VariantEntity, Variant> {

  private final VariantRepository variants;
  private final SlotRepository slots;
  private final SegmentRepository segments;
  private final SpaceRepository spaces;

  public VariantService(
      VariantRepository variants,
      SlotRepository slots,
      SegmentRepository segments,
      SpaceRepository spaces,
      History history,
      Clock clock) {
    super(history, clock);
    this.variants = variants;
    this.slots = slots;
    this.segments = segments;
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Variant> list(String space, String slot, Optional<String> status, PageRequest page) {
    return page(variants.list(readSlot(space, slot), WorkflowStatus.filter(status)), page);
  }

  /**
   * Every variant in {@code status} across the space's slots, ordered by slot and key. For the
   * snapshot rebuild, which needs them all at once.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Variant> listInSpace(String space, String status) {
    return variants.listInSpace(spaces.require(space), status).stream()
        .map(this::toRecord)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Variant get(String space, String slot, String key) {
    return toRecord(variants.require(readSlot(space, slot), key));
  }

  public Variant create(String space, String slot, Variant input, String actor) {
    SlotEntity owner = openSlot(space, slot);
    readOnlyStatus(input.status(), WorkflowStatus.DRAFT.wireName(), STATUS_HOW);
    Variant clean = clean(input, owner);
    if (variants.find(owner, clean.key()).isPresent()) {
      throw new ConflictException("variant " + clean.key() + " already exists in slot " + slot);
    }
    VariantEntity entity = new VariantEntity();
    entity.space = owner.space;
    entity.slot = owner;
    entity.key = clean.key();
    entity.status = WorkflowStatus.DRAFT.wireName();
    apply(clean, entity);
    return created(entity, actor);
  }

  public Variant update(String space, String slot, String key, Variant input, String actor) {
    SlotEntity owner = openSlot(space, slot);
    VariantEntity entity = variants.require(owner, key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Variant clean = clean(withKey(input, key), owner);
    checkVersion(entity, input.version());
    long from = entity.version;
    toDraftForEdit(entity);
    apply(clean, entity);
    return changed(entity, from, "update", actor, null);
  }

  public void archive(String space, String slot, String key, String actor) {
    archived(variants.require(writeSlot(space, slot), key), actor);
  }

  public Variant submit(String space, String slot, String key, String actor) {
    return submitted(variants.require(writeSlot(space, slot), key), actor);
  }

  public Variant publish(String space, String slot, String key, String actor) {
    return published(variants.require(writeSlot(space, slot), key), actor);
  }

  public Variant unpublish(String space, String slot, String key, String actor) {
    return unpublished(variants.require(writeSlot(space, slot), key), actor);
  }

  public Variant rollback(String space, String slot, String key, long version, String actor) {
    return rolledBack(variants.require(writeSlot(space, slot), key), version, actor);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(String space, String slot, String key, PageRequest page) {
    return versions(variants.require(readSlot(space, slot), key), page);
  }

  /** At most one published default per slot: the fallback must be unambiguous. */
  @Override
  protected void beforePublish(VariantEntity entity) {
    if (!entity.isDefault) {
      return;
    }
    variants
        .otherPublishedDefault(entity.slot, entity)
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "slot "
                      + entity.slot.key
                      + " already has a published default variant ("
                      + other.key
                      + "); unpublish or archive it first");
            });
  }

  @Override
  protected void beforeFlush(VariantEntity entity) {
    boolean publishedDefault =
        entity.isDefault && WorkflowStatus.PUBLISHED.wireName().equals(entity.status);
    entity.publishedDefaultOf = publishedDefault ? entity.slot.id : null;
  }

  @Override
  protected String entityType() {
    return "variant";
  }

  @Override
  protected String historyKey(VariantEntity entity) {
    return entity.slot.key + "/" + entity.key;
  }

  @Override
  protected PanacheRepository<VariantEntity> repository() {
    return variants;
  }

  @Override
  protected Class<Variant> recordType() {
    return Variant.class;
  }

  @Override
  protected String spaceKey(VariantEntity entity) {
    return entity.space.key;
  }

  @Override
  protected void restore(VariantEntity entity, Variant snapshot) {
    apply(clean(withKey(snapshot, entity.key), entity.slot), entity);
    restoreStatus(entity, snapshot.status());
  }

  @Override
  protected Variant toRecord(VariantEntity e) {
    return new Variant(
        e.key,
        e.slot.key,
        e.name,
        StoreJson.readTree(e.fields),
        e.html,
        StoreJson.readStrings(e.segments),
        e.segmentMatch,
        StoreJson.readStrings(e.channels),
        StoreJson.readStrings(e.locales),
        e.priority,
        e.weight,
        e.validFrom,
        e.validUntil,
        e.isDefault,
        e.suppressAfterConversion,
        e.status,
        e.version);
  }

  private Variant clean(Variant input, SlotEntity slot) {
    return VariantValidator.clean(
        input,
        slot.key,
        StoreJson.readStrings(slot.channels),
        StoreJson.readTree(slot.fieldsSchema),
        key -> segments.isActive(slot.space, key));
  }

  private SlotEntity readSlot(String space, String slot) {
    return slots.require(spaces.require(space), slot);
  }

  private SlotEntity writeSlot(String space, String slot) {
    return slots.require(spaces.requireWritable(space), slot);
  }

  /** A slot that takes new or edited content: an archived slot's variants are frozen. */
  private SlotEntity openSlot(String space, String slot) {
    SlotEntity owner = writeSlot(space, slot);
    if (WorkflowStatus.ARCHIVED.wireName().equals(owner.status)) {
      throw new ConflictException(
          "slot " + slot + " is archived; roll it back before editing its variants");
    }
    return owner;
  }

  private static void apply(Variant clean, VariantEntity entity) {
    entity.name = clean.name();
    entity.fields = StoreJson.write(clean.fields());
    entity.html = clean.html();
    entity.segments = StoreJson.write(clean.segments());
    entity.segmentMatch = clean.segmentMatch();
    entity.channels = StoreJson.write(clean.channels());
    entity.locales = StoreJson.write(clean.locales());
    entity.priority = clean.priority();
    entity.weight = clean.weight();
    entity.validFrom = clean.validFrom();
    entity.validUntil = clean.validUntil();
    entity.isDefault = clean.isDefault();
    entity.suppressAfterConversion = clean.suppressAfterConversion();
  }

  private static Variant withKey(Variant in, String key) {
    return new Variant(
        key,
        in.slot(),
        in.name(),
        in.fields(),
        in.html(),
        in.segments(),
        in.segmentMatch(),
        in.channels(),
        in.locales(),
        in.priority(),
        in.weight(),
        in.validFrom(),
        in.validUntil(),
        in.isDefault(),
        in.suppressAfterConversion(),
        in.status(),
        in.version());
  }
}
