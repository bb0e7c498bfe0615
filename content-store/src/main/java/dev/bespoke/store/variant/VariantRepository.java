package dev.bespoke.store.variant;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.slot.SlotEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Optional;

@ApplicationScoped
public class VariantRepository implements PanacheRepository<VariantEntity> {

  public Optional<VariantEntity> find(SlotEntity slot, String key) {
    return find("slot = ?1 and key = ?2", slot, key).firstResultOptional();
  }

  public VariantEntity require(SlotEntity slot, String key) {
    return find(slot, key)
        .orElseThrow(() -> new NotFoundException("variant", slot.key + "/" + key));
  }

  /**
   * The slot's published default other than {@code self}, if any. Runs without flushing: it is
   * asked in the middle of a change, and an early flush would give that change two versions.
   */
  Optional<VariantEntity> otherPublishedDefault(SlotEntity slot, VariantEntity self) {
    return getEntityManager()
        .createQuery(
            "from VariantEntity v where v.slot = :slot and v.isDefault = true"
                + " and v.status = 'published' and v.id <> :self",
            VariantEntity.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("slot", slot)
        .setParameter("self", self.id == null ? -1L : self.id)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  PanacheQuery<VariantEntity> list(SlotEntity slot, Optional<String> status) {
    return status
        .map(s -> find("slot = ?1 and status = ?2", Sort.ascending("key"), slot, s))
        .orElseGet(() -> find("slot", Sort.ascending("key"), slot));
  }
}
