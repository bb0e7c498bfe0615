package dev.bespoke.store.space;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.content.Lifecycle;
import dev.bespoke.store.history.History;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Creates, changes and archives spaces. */
@ApplicationScoped
@Transactional
public class SpaceService extends Lifecycle<SpaceEntity, Space> {

  private static final String STATUS_HOW = "DELETE archives a space";

  private final SpaceRepository spaces;

  public SpaceService(SpaceRepository spaces, History history, Clock clock) {
    super(history, clock);
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Space> list(PageRequest page) {
    return page(spaces.findAll(Sort.ascending("key")), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Space get(String key) {
    return toRecord(spaces.require(key));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Space> find(String key) {
    return spaces.findByKey(key).map(this::toRecord);
  }

  public Space create(Space input, String actor) {
    readOnlyStatus(input.status(), SpaceEntity.ACTIVE, STATUS_HOW);
    Space clean = SpaceValidator.clean(input);
    if (spaces.findByKey(clean.key()).isPresent()) {
      throw new ConflictException("space " + clean.key() + " already exists");
    }
    SpaceEntity entity = new SpaceEntity();
    entity.key = clean.key();
    entity.status = SpaceEntity.ACTIVE;
    apply(clean, entity);
    return created(entity, actor);
  }

  public Space update(String key, Space input, String actor) {
    SpaceEntity entity = spaces.require(key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Space clean = SpaceValidator.clean(withKey(input, key));
    checkVersion(entity, input.version());
    long from = entity.version;
    apply(clean, entity);
    return changed(entity, from, "update", actor, null);
  }

  /** Archives the space: it stays readable, with its history, but accepts no more changes. */
  public void archive(String key, String actor) {
    SpaceEntity entity = spaces.require(key);
    if (SpaceEntity.ARCHIVED.equals(entity.status)) {
      return;
    }
    long from = entity.version;
    entity.status = SpaceEntity.ARCHIVED;
    changed(entity, from, "archive", actor, null);
  }

  @Override
  protected String entityType() {
    return "space";
  }

  @Override
  protected PanacheRepository<SpaceEntity> repository() {
    return spaces;
  }

  @Override
  protected Class<Space> recordType() {
    return Space.class;
  }

  @Override
  protected void restore(SpaceEntity entity, Space snapshot) {
    apply(SpaceValidator.clean(withKey(snapshot, entity.key)), entity);
    entity.status = snapshot.status();
  }

  @Override
  protected String spaceKey(SpaceEntity entity) {
    return entity.key;
  }

  @Override
  protected Space toRecord(SpaceEntity e) {
    return new Space(
        e.key, e.name, e.timeZone, e.consentRequired, e.deliveryKeyRequired, e.status, e.version);
  }

  private static void apply(Space clean, SpaceEntity entity) {
    entity.name = clean.name();
    entity.timeZone = clean.timeZone();
    entity.consentRequired = clean.consentRequired();
    entity.deliveryKeyRequired = clean.deliveryKeyRequired();
  }

  private static Space withKey(Space in, String key) {
    return new Space(
        key,
        in.name(),
        in.timeZone(),
        in.consentRequired(),
        in.deliveryKeyRequired(),
        in.status(),
        in.version());
  }
}
