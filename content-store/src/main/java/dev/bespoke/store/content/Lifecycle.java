package dev.bespoke.store.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StaleVersionException;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.history.Change;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The part of every content service that is the same for all kinds: stamping, version checks, and
 * recording each change (audit entry and version snapshot) in the caller's transaction.
 *
 * @param <E> the entity
 * @param <R> its public record, which is also what a version snapshot stores
 */
public abstract class Lifecycle<E extends VersionedEntity, R> {

  /** Version numbers are shown to people; counting from 1 reads as "the first version". */
  private static final long FIRST_VERSION = 1L;

  protected final History history;
  protected final Clock clock;

  /** For CDI's client proxies only, which never run a method of their own. */
  protected Lifecycle() {
    this(null, null);
  }

  protected Lifecycle(History history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  /** The entity type named in errors, the audit trail and version history ("slot"). */
  protected abstract String entityType();

  protected abstract PanacheRepository<E> repository();

  protected abstract R toRecord(E entity);

  /** The key of the space the entity belongs to. */
  protected abstract String spaceKey(E entity);

  /** The public record type, read back from version snapshots. */
  protected abstract Class<R> recordType();

  /**
   * Applies a snapshot's content and status to the entity, checking it as a save would: what was
   * valid then may not be now (a segment it names may be archived since).
   */
  protected abstract void restore(E entity, R snapshot);

  /** Hook run before every flush of a change, to keep derived columns in step. */
  protected void beforeFlush(E entity) {}

  /** The key in the audit trail and version history: unique within the space and type. */
  protected String historyKey(E entity) {
    return entity.key;
  }

  /** Persists a new entity as version 1 and records its creation. */
  protected R created(E entity, String actor) {
    var now = clock.instant();
    entity.version = FIRST_VERSION;
    entity.createdAt = now;
    entity.createdBy = actor;
    entity.updatedAt = now;
    entity.updatedBy = actor;
    beforeFlush(entity);
    repository().persist(entity);
    flush(entity);
    return recorded(entity, "create", actor, null, null);
  }

  /**
   * Records a change already applied to a managed entity. Every change makes exactly one new
   * version, even one that altered no column (a save of identical content), so the history and the
   * lock agree.
   */
  protected R changed(E entity, long fromVersion, String action, String actor, String detail) {
    entity.updatedAt = clock.instant();
    entity.updatedBy = actor;
    beforeFlush(entity);
    flush(entity);
    if (entity.version == fromVersion) {
      repository().getEntityManager().lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }
    return recorded(entity, action, actor, fromVersion, detail);
  }

  /**
   * Restores version {@code number} as a new version: history only grows, so a rollback can itself
   * be rolled back.
   */
  protected R rolledBack(E entity, long number, String actor) {
    R old = snapshot(entity, number, recordType());
    long from = entity.version;
    restore(entity, old);
    return changed(entity, from, "rollback", actor, rolledBackFrom(number));
  }

  /** "slot home-hero", for messages. */
  protected String what(E entity) {
    return entityType() + " " + historyKey(entity);
  }

  /** The caller must name the version it edited; anything else is a lost update waiting. */
  protected void checkVersion(E entity, Long expected) {
    if (expected == null) {
      throw ValidationException.of("version", "is required: send the version you edited");
    }
    if (expected.longValue() != entity.version) {
      throw new StaleVersionException(entityType(), historyKey(entity), expected, entity.version);
    }
  }

  /** The record stored as version {@code number} of the entity. */
  private <T> T snapshot(E entity, long number, Class<T> type) {
    JsonNode snapshot =
        history
            .snapshot(spaceKey(entity), entityType(), historyKey(entity), number)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        entityType() + " version", historyKey(entity) + "@" + number));
    return StoreJson.fromTree(snapshot, type);
  }

  protected Page<ContentVersion> versions(E entity, PageRequest page) {
    return history.versions(spaceKey(entity), entityType(), historyKey(entity), page);
  }

  protected Page<R> page(PanacheQuery<E> query, PageRequest page) {
    var items = query.page(page.page(), page.size()).list().stream().map(this::toRecord).toList();
    return new Page<>(items, page.page(), page.size(), query.count());
  }

  /** A key in the body of an update may only repeat the key in the path: keys never change. */
  protected static void matchPathKey(String bodyKey, String pathKey) {
    if (bodyKey != null && !bodyKey.equals(pathKey)) {
      throw ValidationException.of("key", "must equal the key in the path: keys never change");
    }
  }

  /**
   * Status is the outcome of workflow actions, never written directly. A client that echoes back
   * what it read is fine; one that tries to set another status is told how.
   */
  protected static void readOnlyStatus(String given, String current, String how) {
    if (given != null && !given.equals(current)) {
      throw ValidationException.of("status", "is read-only: " + how);
    }
  }

  protected static String rolledBackFrom(long number) {
    return "restored version " + number;
  }

  /**
   * The service checks uniqueness before writing; a unique constraint that still fails means a
   * concurrent request won the race, which the caller sees as the same conflict.
   */
  private void flush(E entity) {
    try {
      repository().flush();
    } catch (PersistenceException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ConstraintViolationException) {
          throw new ConflictException(
              what(entity) + " clashes with a change made at the same time; reload and retry");
        }
      }
      throw e;
    }
  }

  private R recorded(E entity, String action, String actor, Long from, String detail) {
    R after = toRecord(entity);
    history.record(
        new Change(
            spaceKey(entity),
            entityType(),
            historyKey(entity),
            action,
            actor,
            from,
            entity.version,
            detail),
        after);
    return after;
  }
}
