package dev.bespoke.store.experiment;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.content.Lifecycle;
import dev.bespoke.store.experiment.Experiment.Arm;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import dev.bespoke.store.slot.SlotEntity;
import dev.bespoke.store.slot.SlotRepository;
import dev.bespoke.store.space.SpaceEntity;
import dev.bespoke.store.space.SpaceRepository;
import dev.bespoke.store.variant.VariantRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Experiments of a space, create/read/update/archive only for now. Only a draft can be edited; a
 * rollback restores an earlier configuration as a draft.
 */
@ApplicationScoped
@Transactional
public class ExperimentService extends Lifecycle<ExperimentEntity, Experiment> {

  static final Set<String> STATUSES = Set.of("draft", "running", "stopped", "archived");

  private static final String STATUS_HOW = "experiments start and stop through their own actions";

  private final ExperimentRepository experiments;
  private final SlotRepository slots;
  private final VariantRepository variants;
  private final SpaceRepository spaces;

  public ExperimentService(
      ExperimentRepository experiments,
      SlotRepository slots,
      VariantRepository variants,
      SpaceRepository spaces,
      History history,
      Clock clock) {
    super(history, clock);
    this.experiments = experiments;
    this.slots = slots;
    this.variants = variants;
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Experiment> list(String space, Optional<String> status, PageRequest page) {
    status
        .filter(s -> !STATUSES.contains(s))
        .ifPresent(
            s -> {
              throw ValidationException.of(
                  "status", "must be one of draft, running, stopped, archived");
            });
    return page(experiments.list(spaces.require(space), status), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Experiment get(String space, String key) {
    return toRecord(experiments.require(spaces.require(space), key));
  }

  public Experiment create(String space, Experiment input, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    readOnlyStatus(input.status(), ExperimentEntity.DRAFT, STATUS_HOW);
    Experiment clean = clean(input, owner);
    if (experiments.find(owner, clean.key()).isPresent()) {
      throw new ConflictException(
          "experiment " + clean.key() + " already exists in space " + space);
    }
    ExperimentEntity entity = new ExperimentEntity();
    entity.space = owner;
    entity.key = clean.key();
    entity.status = ExperimentEntity.DRAFT;
    apply(clean, entity, owner);
    return created(entity, actor);
  }

  public Experiment update(String space, String key, Experiment input, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    ExperimentEntity entity = experiments.require(owner, key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Experiment clean = clean(withKey(input, key), owner);
    checkVersion(entity, input.version());
    requireDraft(entity, "edit");
    long from = entity.version;
    apply(clean, entity, owner);
    return changed(entity, from, "update", actor, null);
  }

  /** Idempotent, like the other archives. */
  public void archive(String space, String key, String actor) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    if (ExperimentEntity.ARCHIVED.equals(entity.status)) {
      return;
    }
    long from = entity.version;
    entity.status = ExperimentEntity.ARCHIVED;
    changed(entity, from, "archive", actor, null);
  }

  public Experiment rollback(String space, String key, long version, String actor) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    if ("running".equals(entity.status)) {
      throw new ConflictException("experiment " + key + " is running; stop it before a rollback");
    }
    return rolledBack(entity, version, actor);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(String space, String key, PageRequest page) {
    return versions(experiments.require(spaces.require(space), key), page);
  }

  @Override
  protected String entityType() {
    return "experiment";
  }

  @Override
  protected PanacheRepository<ExperimentEntity> repository() {
    return experiments;
  }

  @Override
  protected Class<Experiment> recordType() {
    return Experiment.class;
  }

  @Override
  protected String spaceKey(ExperimentEntity entity) {
    return entity.space.key;
  }

  @Override
  protected void restore(ExperimentEntity entity, Experiment snapshot) {
    apply(clean(withKey(snapshot, entity.key), entity.space), entity, entity.space);
    entity.status = ExperimentEntity.DRAFT;
  }

  @Override
  protected Experiment toRecord(ExperimentEntity e) {
    return new Experiment(
        e.key,
        e.slot.key,
        e.type,
        e.trafficPercent,
        List.of(StoreJson.fromTree(StoreJson.readTree(e.arms), Arm[].class)),
        e.goal,
        e.alpha,
        e.status,
        e.version);
  }

  private Experiment clean(Experiment input, SpaceEntity space) {
    return ExperimentValidator.clean(
        input,
        slot -> slots.find(space, slot).filter(s -> !"archived".equals(s.status)).isPresent(),
        (slot, variant) ->
            slots
                .find(space, slot)
                .flatMap(s -> variants.find(s, variant))
                .filter(v -> !"archived".equals(v.status))
                .isPresent());
  }

  private void apply(Experiment clean, ExperimentEntity entity, SpaceEntity space) {
    SlotEntity slot = slots.require(space, clean.slot());
    entity.slot = slot;
    entity.type = clean.type();
    entity.trafficPercent = clean.trafficPercent();
    entity.arms = StoreJson.write(clean.arms());
    entity.goal = clean.goal();
    entity.alpha = clean.alpha();
  }

  private static void requireDraft(ExperimentEntity entity, String step) {
    if (!ExperimentEntity.DRAFT.equals(entity.status)) {
      throw new ConflictException(
          "cannot "
              + step
              + " experiment "
              + entity.key
              + ": it is "
              + entity.status
              + ", and only a draft can be edited");
    }
  }

  private static Experiment withKey(Experiment in, String key) {
    return new Experiment(
        key,
        in.slot(),
        in.type(),
        in.trafficPercent(),
        in.arms(),
        in.goal(),
        in.alpha(),
        in.status(),
        in.version());
  }
}
