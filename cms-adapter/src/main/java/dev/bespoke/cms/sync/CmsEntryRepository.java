package dev.bespoke.cms.sync;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class CmsEntryRepository implements PanacheRepository<CmsEntryEntity> {

  /**
   * The ledger row, locked until the transaction ends: two deliveries of the same entry (a retry
   * overtaking the original) are applied one after the other, each seeing the other's revision.
   */
  public Optional<CmsEntryEntity> lock(String space, String connector, String entryId) {
    return find("space = ?1 and connector = ?2 and entryId = ?3", space, connector, entryId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}
