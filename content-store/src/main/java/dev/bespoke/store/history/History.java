package dev.bespoke.store.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.publication.ContentChanged;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** Writes and reads the audit trail and the version snapshots. */
@ApplicationScoped
public class History {

  private final AuditEntryRepository audit;
  private final ContentVersionRepository versions;
  private final Clock clock;
  private final Event<ContentChanged> changed;

  public History(
      AuditEntryRepository audit,
      ContentVersionRepository versions,
      Clock clock,
      Event<ContentChanged> changed) {
    this.audit = audit;
    this.versions = versions;
    this.clock = clock;
    this.changed = changed;
  }

  /**
   * Records a change and the entity's public shape after it. MANDATORY: a change recorded outside
   * the transaction that made it could survive that transaction's rollback.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Change change, Object snapshot) {
    var now = clock.instant();
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.space = change.space();
    entry.entityType = change.entityType();
    entry.entityKey = change.entityKey();
    entry.action = change.action();
    entry.actor = change.actor();
    entry.at = now;
    entry.fromVersion = change.fromVersion();
    entry.toVersion = change.toVersion();
    entry.detail = change.detail();
    audit.persist(entry);

    ContentVersionEntity version = new ContentVersionEntity();
    version.space = change.space();
    version.entityType = change.entityType();
    version.entityKey = change.entityKey();
    version.version = change.toVersion();
    version.snapshot = StoreJson.write(snapshot);
    version.at = now;
    version.actor = change.actor();
    versions.persist(version);
    changed.fire(new ContentChanged(change.space()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditEntry> audit(String space, AuditFilter filter, PageRequest page) {
    return page(audit.search(space, filter), page, History::toRecord);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(
      String space, String entityType, String entityKey, PageRequest page) {
    return page(versions.history(space, entityType, entityKey), page, History::toRecord);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<JsonNode> snapshot(
      String space, String entityType, String entityKey, long version) {
    return versions
        .find(space, entityType, entityKey, version)
        .map(v -> StoreJson.readTree(v.snapshot));
  }

  private static <E, R> Page<R> page(
      PanacheQuery<E> query, PageRequest page, Function<E, R> mapper) {
    var items = query.page(page.page(), page.size()).list().stream().map(mapper).toList();
    return new Page<>(items, page.page(), page.size(), query.count());
  }

  private static AuditEntry toRecord(AuditEntryEntity e) {
    return new AuditEntry(
        e.id,
        e.space,
        e.entityType,
        e.entityKey,
        e.action,
        e.actor,
        e.at,
        e.fromVersion,
        e.toVersion,
        e.detail);
  }

  private static ContentVersion toRecord(ContentVersionEntity e) {
    return new ContentVersion(
        e.entityType, e.entityKey, e.version, StoreJson.readTree(e.snapshot), e.at, e.actor);
  }
}
