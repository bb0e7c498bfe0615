package dev.bespoke.store.history;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ContentVersionRepository implements PanacheRepository<ContentVersionEntity> {

  PanacheQuery<ContentVersionEntity> history(String space, String entityType, String entityKey) {
    return find(
        "space = ?1 and entityType = ?2 and entityKey = ?3",
        Sort.descending("version"),
        space,
        entityType,
        entityKey);
  }

  Optional<ContentVersionEntity> find(
      String space, String entityType, String entityKey, long version) {
    return find(
            "space = ?1 and entityType = ?2 and entityKey = ?3 and version = ?4",
            space,
            entityType,
            entityKey,
            version)
        .firstResultOptional();
  }
}
