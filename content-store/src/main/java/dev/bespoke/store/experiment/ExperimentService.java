package dev.bespoke.store.experiment;

import dev.bespoke.core.experiment.Bucketing;
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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Experiments of a space: create, edit, start, stop, archive, roll back. A draft can be edited
 * freely; a running experiment only in its traffic share and schedule (arm order, weights and goal
 * are part of what the visitors' assignments and the results mean). A stopped experiment is final:
 * it can be archived but not restarted or rolled back, so its results always describe one
 * uninterrupted population.
 */
@ApplicationScoped
@Transactional
public class ExperimentService extends Lifecycle<ExperimentEntity, Experiment> {

  static final Set<String> STATUSES = Set.of("draft", "running", "stopped", "archived");

  private static final String STATUS_HOW = "experiments start and stop through their own actions";

  private static final String RUNNING_EDITABLE = "trafficPercent, validFrom and validUntil";

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
    readOnlyRunFields(input, Bucketing.HASH_VERSION, null, null);
    Experiment clean = clean(input, owner);
    if (experiments.find(owner, clean.key()).isPresent()) {
      throw new ConflictException(
          "experiment " + clean.key() + " already exists in space " + space);
    }
    ExperimentEntity entity = new ExperimentEntity();
    entity.space = owner;
    entity.key = clean.key();
    entity.status = ExperimentEntity.DRAFT;
    entity.hashVersion = Bucketing.HASH_VERSION;
    apply(clean, entity, owner);
    return created(entity, actor);
  }

  public Experiment update(String space, String key, Experiment input, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    ExperimentEntity entity = experiments.require(owner, key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    readOnlyRunFields(input, entity.hashVersion, entity.startedAt, entity.stoppedAt);
    Experiment clean = clean(withKey(input, key), owner);
    checkVersion(entity, input.version());
    long from = entity.version;
    if (ExperimentEntity.RUNNING.equals(entity.status)) {
      requireOnlyRunningEditsChanged(entity, clean);
      entity.trafficPercent = clean.trafficPercent();
      entity.validFrom = clean.validFrom();
      entity.validUntil = clean.validUntil();
      return changed(entity, from, "update", actor, "while running");
    }
    requireDraft(entity, "edit");
    apply(clean, entity, owner);
    return changed(entity, from, "update", actor, null);
  }

  /**
   * Whether changing this experiment needs the publisher role: it is running, so visitors see it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isRunning(String space, String key) {
    return ExperimentEntity.RUNNING.equals(experiments.require(spaces.require(space), key).status);
  }

  /**
   * Starts a draft. The slot row is locked first, so two starts on one slot at once cannot both
   * pass the one-experiment-per-slot check.
   *
   * @throws ConflictException when the experiment is not a draft, the slot is not published or
   *     already runs an experiment, or an A/B arm's variant is not published
   */
  public Experiment start(String space, String key, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    ExperimentEntity entity = experiments.require(owner, key);
    slots.getEntityManager().lock(entity.slot, LockModeType.PESSIMISTIC_WRITE);
    if (!ExperimentEntity.DRAFT.equals(entity.status)) {
      throw new ConflictException(
          "experiment "
              + key
              + " is "
              + entity.status
              + ": only a draft can start"
              + (ExperimentEntity.STOPPED.equals(entity.status)
                  ? " (a stopped experiment is final; create a new one to test again)"
                  : ""));
    }
    if (!"published".equals(entity.slot.status)) {
      throw new ConflictException(
          "slot " + entity.slot.key + " is not published: an experiment on it would reach nobody");
    }
    experiments
        .runningOn(entity.slot)
        .filter(other -> !other.id.equals(entity.id))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "slot "
                      + entity.slot.key
                      + " already runs experiment "
                      + other.key
                      + "; stop it first (one experiment per slot)");
            });
    if ("ab".equals(entity.type)) {
      for (Arm arm : arms(entity)) {
        boolean published =
            variants
                .find(entity.slot, arm.variant())
                .map(v -> "published".equals(v.status))
                .orElse(false);
        if (!published) {
          throw new ConflictException(
              "arm " + arm.key() + " names variant " + arm.variant() + ", which is not published");
        }
      }
    }
    long from = entity.version;
    entity.status = ExperimentEntity.RUNNING;
    entity.startedAt = clock.instant();
    entity.stoppedAt = null;
    entity.frozenCounts = null;
    return changed(entity, from, "start", actor, null);
  }

  /**
   * Stops a running experiment and keeps {@code frozenCounts} (JSON the caller read from its
   * counters) as the experiment's final counts.
   */
  public Experiment stop(String space, String key, String actor, String frozenCounts) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    if (!ExperimentEntity.RUNNING.equals(entity.status)) {
      throw new ConflictException("experiment " + key + " is " + entity.status + ", not running");
    }
    long from = entity.version;
    entity.status = ExperimentEntity.STOPPED;
    entity.stoppedAt = clock.instant();
    entity.frozenCounts = Objects.requireNonNull(frozenCounts, "frozenCounts");
    return changed(entity, from, "stop", actor, null);
  }

  /** The counts kept at stop, for a stopped (or since archived) experiment. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> frozenCounts(String space, String key) {
    return Optional.ofNullable(experiments.require(spaces.require(space), key).frozenCounts);
  }

  /**
   * Records a change made outside the editor's fields (a promotion of its winner) in the
   * experiment's audit trail.
   */
  public Experiment recordAction(
      String space, String key, String action, String actor, String detail) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    long from = entity.version;
    return changed(entity, from, action, actor, detail);
  }

  /** The published variant of the experiment's slot, for promotion; empty when not published. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> publishedVariant(String space, String key, String variant) {
    ExperimentEntity entity = experiments.require(spaces.require(space), key);
    return variants
        .find(entity.slot, variant)
        .filter(v -> "published".equals(v.status))
        .map(v -> v.key);
  }

  /** Idempotent, like the other archives. */
  public void archive(String space, String key, String actor) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    if (ExperimentEntity.ARCHIVED.equals(entity.status)) {
      return;
    }
    if (ExperimentEntity.RUNNING.equals(entity.status)) {
      throw new ConflictException("experiment " + key + " is running; stop it before archiving");
    }
    long from = entity.version;
    entity.status = ExperimentEntity.ARCHIVED;
    changed(entity, from, "archive", actor, null);
  }

  public Experiment rollback(String space, String key, long version, String actor) {
    ExperimentEntity entity = experiments.require(spaces.requireWritable(space), key);
    if (ExperimentEntity.RUNNING.equals(entity.status)) {
      throw new ConflictException("experiment " + key + " is running; stop it before a rollback");
    }
    if (ExperimentEntity.STOPPED.equals(entity.status)) {
      throw new ConflictException(
          "experiment " + key + " is stopped and final; create a new experiment instead");
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
        arms(e),
        e.goal,
        e.alpha,
        e.exposure,
        e.validFrom,
        e.validUntil,
        e.status,
        e.hashVersion,
        e.startedAt,
        e.stoppedAt,
        e.version);
  }

  private static List<Arm> arms(ExperimentEntity e) {
    return List.of(StoreJson.fromTree(StoreJson.readTree(e.arms), Arm[].class));
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
    entity.exposure = clean.exposure();
    entity.validFrom = clean.validFrom();
    entity.validUntil = clean.validUntil();
  }

  /** Fields the server sets: a client may echo them back unchanged, never set them. */
  private static void readOnlyRunFields(
      Experiment input, int hashVersion, Instant startedAt, Instant stoppedAt) {
    if (input.hashVersion() != null && input.hashVersion() != hashVersion) {
      throw ValidationException.of(
          "hashVersion", "is read-only: it is set when the experiment is created");
    }
    if (input.startedAt() != null && !input.startedAt().equals(startedAt)) {
      throw ValidationException.of("startedAt", "is read-only: set by the start action");
    }
    if (input.stoppedAt() != null && !input.stoppedAt().equals(stoppedAt)) {
      throw ValidationException.of("stoppedAt", "is read-only: set by the stop action");
    }
  }

  private static void requireOnlyRunningEditsChanged(ExperimentEntity entity, Experiment clean) {
    boolean same =
        entity.slot.key.equals(clean.slot())
            && entity.type.equals(clean.type())
            && arms(entity).equals(clean.arms())
            && entity.goal.equals(clean.goal())
            && entity.alpha == clean.alpha()
            && entity.exposure.equals(clean.exposure());
    if (!same) {
      throw new ConflictException(
          "experiment "
              + entity.key
              + " is running: only "
              + RUNNING_EDITABLE
              + " can change (arms, weights, goal, alpha and exposure define what its results"
              + " mean)");
    }
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
        in.exposure(),
        in.validFrom(),
        in.validUntil(),
        in.status(),
        in.hashVersion(),
        in.startedAt(),
        in.stoppedAt(),
        in.version());
  }
}
