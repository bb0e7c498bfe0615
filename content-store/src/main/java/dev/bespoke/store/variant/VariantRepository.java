package dev.bespoke.store.variant;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.slot.SlotEntity;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.List;
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

  /**
   * Every variant in {@code status} across the space's slots, with its slot, in one query and read
   * only: the snapshot rebuild reads thousands of them and changes none, so they are neither
   * fetched slot by slot nor kept for dirty checking.
   */
  List<VariantEntity> listInSpace(SpaceEntity space, String status) {
    return getEntityManager()
        .createQuery(
            "select v from VariantEntity v join fetch v.slot s"
                + " where v.space = :space and v.status = :status order by s.key, v.key",
            VariantEntity.class)
        .setParameter("space", space)
        .setParameter("status", status)
        .setHint("org.hibernate.readOnly", true)
        .getResultList();
  }
}
