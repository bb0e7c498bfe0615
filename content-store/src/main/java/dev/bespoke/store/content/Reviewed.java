package dev.bespoke.store.content;

import dev.bespoke.store.history.History;
import java.time.Clock;

/**
 * Content that goes through review before it is delivered: slots, variants and segments. The
 * transitions are {@link WorkflowStatus}'s; this class records each as a change.
 */
public abstract class Reviewed<E extends ContentEntity, R> extends Lifecycle<E, R> {

  /** For CDI's client proxies only. */
  protected Reviewed() {}

  protected Reviewed(History history, Clock clock) {
    super(history, clock);
  }

  /** Hook run before content becomes published, by publish or by rollback. */
  protected void beforePublish(E entity) {}

  protected R submitted(E entity, String actor) {
    return step(entity, status(entity).submit(what(entity)), "submit", actor);
  }

  protected R published(E entity, String actor) {
    WorkflowStatus next = status(entity).publish(what(entity));
    beforePublish(entity);
    return step(entity, next, "publish", actor);
  }

  protected R unpublished(E entity, String actor) {
    return step(entity, status(entity).unpublish(what(entity)), "unpublish", actor);
  }

  /** Archiving is idempotent: a second DELETE changes nothing and records nothing. */
  protected void archived(E entity, String actor) {
    if (status(entity) != WorkflowStatus.ARCHIVED) {
      step(entity, WorkflowStatus.ARCHIVED, "archive", actor);
    }
  }

  /** Puts the entity back to draft for an edit; archived content cannot be edited. */
  protected void toDraftForEdit(E entity) {
    entity.status = status(entity).edit(what(entity)).wireName();
  }

  /** Sets a restored status, with the checks publishing would make. */
  protected void restoreStatus(E entity, String status) {
    entity.status = WorkflowStatus.of(status).wireName();
    if (WorkflowStatus.of(status) == WorkflowStatus.PUBLISHED) {
      beforePublish(entity);
    }
  }

  protected static final String STATUS_HOW =
      "it changes through submit, publish, unpublish, DELETE and rollback";

  private R step(E entity, WorkflowStatus next, String action, String actor) {
    long from = entity.version;
    entity.status = next.wireName();
    return changed(entity, from, action, actor, null);
  }

  private static WorkflowStatus status(ContentEntity entity) {
    return WorkflowStatus.of(entity.status);
  }
}
