package dev.bespoke.store.history;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntryEntity> {

  /** Newest first: the trail is read to find out what just happened. */
  PanacheQuery<AuditEntryEntity> search(String space, AuditFilter filter) {
    StringBuilder query = new StringBuilder("space = :space");
    Parameters params = Parameters.with("space", space);
    filter
        .entityType()
        .ifPresent(
            t -> {
              query.append(" and entityType = :entityType");
              params.and("entityType", t);
            });
    filter
        .entityKey()
        .ifPresent(
            k -> {
              query.append(" and entityKey = :entityKey");
              params.and("entityKey", k);
            });
    filter
        .actor()
        .ifPresent(
            a -> {
              query.append(" and actor = :actor");
              params.and("actor", a);
            });
    return find(query.toString(), Sort.descending("id"), params);
  }
}
