package dev.bespoke.store.slot;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.content.Reviewed;
import dev.bespoke.store.content.WorkflowStatus;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Slots of a space: edit, review, publish, archive, roll back. */
@ApplicationScoped
@Transactional
public class SlotService extends Reviewed<SlotEntity, Slot> {

  private final SlotRepository slots;
  private final SpaceRepository spaces;

  public SlotService(SlotRepository slots, SpaceRepository spaces, History history, Clock clock) {
    super(history, clock);
    this.slots = slots;
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Slot> list(String space, Optional<String> status, PageRequest page) {
    return page(slots.list(spaces.require(space), WorkflowStatus.filter(status)), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Slot get(String space, String key) {
    return toRecord(slots.require(spaces.require(space), key));
  }

  public Slot create(String space, Slot input, String actor) {
    var owner = spaces.requireWritable(space);
    readOnlyStatus(input.status(), WorkflowStatus.DRAFT.wireName(), STATUS_HOW);
    Slot clean = SlotValidator.clean(input);
    if (slots.find(owner, clean.key()).isPresent()) {
      throw new ConflictException("slot " + clean.key() + " already exists in space " + space);
    }
    SlotEntity entity = new SlotEntity();
    entity.space = owner;
    entity.key = clean.key();
    entity.status = WorkflowStatus.DRAFT.wireName();
    apply(clean, entity);
    return created(entity, actor);
  }

  public Slot update(String space, String key, Slot input, String actor) {
    SlotEntity entity = slots.require(spaces.requireWritable(space), key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Slot clean = SlotValidator.clean(withKey(input, key));
    checkVersion(entity, input.version());
    long from = entity.version;
    toDraftForEdit(entity);
    apply(clean, entity);
    return changed(entity, from, "update", actor, null);
  }

  public void archive(String space, String key, String actor) {
    archived(slots.require(spaces.requireWritable(space), key), actor);
  }

  public Slot submit(String space, String key, String actor) {
    return submitted(slots.require(spaces.requireWritable(space), key), actor);
  }

  public Slot publish(String space, String key, String actor) {
    return published(slots.require(spaces.requireWritable(space), key), actor);
  }

  public Slot unpublish(String space, String key, String actor) {
    return unpublished(slots.require(spaces.requireWritable(space), key), actor);
  }

  public Slot rollback(String space, String key, long version, String actor) {
    return rolledBack(slots.require(spaces.requireWritable(space), key), version, actor);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(String space, String key, PageRequest page) {
    return versions(slots.require(spaces.require(space), key), page);
  }

  @Override
  protected String entityType() {
    return "slot";
  }

  @Override
  protected PanacheRepository<SlotEntity> repository() {
    return slots;
  }

  @Override
  protected Class<Slot> recordType() {
    return Slot.class;
  }

  @Override
  protected String spaceKey(SlotEntity entity) {
    return entity.space.key;
  }

  @Override
  protected void restore(SlotEntity entity, Slot snapshot) {
    apply(SlotValidator.clean(withKey(snapshot, entity.key)), entity);
    restoreStatus(entity, snapshot.status());
  }

  @Override
  protected Slot toRecord(SlotEntity e) {
    return new Slot(
        e.key,
        e.name,
        e.description,
        StoreJson.readStrings(e.channels),
        StoreJson.readTree(e.fieldsSchema),
        e.template,
        e.strategy,
        e.cacheable,
        e.status,
        e.version);
  }

  private static void apply(Slot clean, SlotEntity entity) {
    entity.name = clean.name();
    entity.description = clean.description();
    entity.channels = StoreJson.write(clean.channels());
    entity.fieldsSchema =
        clean.fieldsSchema() == null ? null : StoreJson.write(clean.fieldsSchema());
    entity.template = clean.template();
    entity.strategy = clean.strategy();
    entity.cacheable = clean.cacheable();
  }

  private static Slot withKey(Slot in, String key) {
    return new Slot(
        key,
        in.name(),
        in.description(),
        in.channels(),
        in.fieldsSchema(),
        in.template(),
        in.strategy(),
        in.cacheable(),
        in.status(),
        in.version());
  }
}
