package dev.bespoke.store.segment;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Segments of a space: edit, review, publish, archive, roll back. */
@ApplicationScoped
@Transactional
public class SegmentService extends Reviewed<SegmentEntity, Segment> {

  private final SegmentRepository segments;
  private final SpaceRepository spaces;

  public SegmentService(
      SegmentRepository segments, SpaceRepository spaces, History history, Clock clock) {
    super(history, clock);
    this.segments = segments;
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Segment> list(String space, Optional<String> status, PageRequest page) {
    return page(segments.list(spaces.require(space), WorkflowStatus.filter(status)), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Segment get(String space, String key) {
    return toRecord(segments.require(spaces.require(space), key));
  }

  public Segment create(String space, Segment input, String actor) {
    var owner = spaces.requireWritable(space);
    readOnlyStatus(input.status(), WorkflowStatus.DRAFT.wireName(), STATUS_HOW);
    Segment clean = SegmentValidator.clean(input, segments.active(owner));
    if (segments.find(owner, clean.key()).isPresent()) {
      throw new ConflictException("segment " + clean.key() + " already exists in space " + space);
    }
    SegmentEntity entity = new SegmentEntity();
    entity.space = owner;
    entity.key = clean.key();
    entity.status = WorkflowStatus.DRAFT.wireName();
    apply(clean, entity);
    return created(entity, actor);
  }

  public Segment update(String space, String key, Segment input, String actor) {
    var owner = spaces.requireWritable(space);
    SegmentEntity entity = segments.require(owner, key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Segment clean = SegmentValidator.clean(withKey(input, key), segments.active(owner));
    checkVersion(entity, input.version());
    long from = entity.version;
    toDraftForEdit(entity);
    apply(clean, entity);
    return changed(entity, from, "update", actor, null);
  }

  /** Refused while other content depends on the segment: it would silently stop matching. */
  public void archive(String space, String key, String actor) {
    var owner = spaces.requireWritable(space);
    SegmentEntity entity = segments.require(owner, key);
    if (!WorkflowStatus.ARCHIVED.wireName().equals(entity.status)) {
      List<String> users = new ArrayList<>();
      segments.active(owner).stream()
          .filter(s -> !s.key.equals(key) && SegmentValidator.refersTo(s, key))
          .forEach(s -> users.add("segment " + s.key));
      segments.variantsUsing(owner, key).forEach(v -> users.add("variant " + v));
      if (!users.isEmpty()) {
        throw new ConflictException(
            "segment "
                + key
                + " is still used by "
                + String.join(", ", users)
                + "; change or archive those first");
      }
    }
    archived(entity, actor);
  }

  public Segment submit(String space, String key, String actor) {
    return submitted(segments.require(spaces.requireWritable(space), key), actor);
  }

  public Segment publish(String space, String key, String actor) {
    return published(segments.require(spaces.requireWritable(space), key), actor);
  }

  public Segment unpublish(String space, String key, String actor) {
    return unpublished(segments.require(spaces.requireWritable(space), key), actor);
  }

  public Segment rollback(String space, String key, long version, String actor) {
    return rolledBack(segments.require(spaces.requireWritable(space), key), version, actor);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(String space, String key, PageRequest page) {
    return versions(segments.require(spaces.require(space), key), page);
  }

  @Override
  protected String entityType() {
    return "segment";
  }

  @Override
  protected PanacheRepository<SegmentEntity> repository() {
    return segments;
  }

  @Override
  protected Class<Segment> recordType() {
    return Segment.class;
  }

  @Override
  protected String spaceKey(SegmentEntity entity) {
    return entity.space.key;
  }

  @Override
  protected void restore(SegmentEntity entity, Segment snapshot) {
    apply(
        SegmentValidator.clean(withKey(snapshot, entity.key), segments.active(entity.space)),
        entity);
    restoreStatus(entity, snapshot.status());
  }

  @Override
  protected Segment toRecord(SegmentEntity e) {
    return new Segment(
        e.key, e.name, e.description, StoreJson.readTree(e.rule), e.status, e.version);
  }

  private static void apply(Segment clean, SegmentEntity entity) {
    entity.name = clean.name();
    entity.description = clean.description();
    entity.rule = StoreJson.write(clean.rule());
  }

  private static Segment withKey(Segment in, String key) {
    return new Segment(key, in.name(), in.description(), in.rule(), in.status(), in.version());
  }
}
