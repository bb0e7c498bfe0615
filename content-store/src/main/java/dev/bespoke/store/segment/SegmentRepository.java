package dev.bespoke.store.segment;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SegmentRepository implements PanacheRepository<SegmentEntity> {

  public Optional<SegmentEntity> find(SpaceEntity space, String key) {
    return find("space = ?1 and key = ?2", space, key).firstResultOptional();
  }

  public SegmentEntity require(SpaceEntity space, String key) {
    return find(space, key).orElseThrow(() -> new NotFoundException("segment", key));
  }

  /** Whether the key names a segment of the space that is not archived. */
  public boolean isActive(SpaceEntity space, String key) {
    return count("space = ?1 and key = ?2 and status <> 'archived'", space, key) > 0;
  }

  /** Every segment of the space that is not archived: the ones rules may refer to. */
  List<SegmentEntity> active(SpaceEntity space) {
    return list("space = ?1 and status <> 'archived'", space);
  }

  PanacheQuery<SegmentEntity> list(SpaceEntity space, Optional<String> status) {
    return status
        .map(s -> find("space = ?1 and status = ?2", Sort.ascending("key"), space, s))
        .orElseGet(() -> find("space", Sort.ascending("key"), space));
  }

  /**
   * Variants (as {@code slot/variant}) that target the segment and are not archived. Written as a
   * query on the variant table so this package need not depend on the variant package, which
   * depends on it; keys cannot contain LIKE's wildcards.
   */
  List<String> variantsUsing(SpaceEntity space, String key) {
    return getEntityManager()
        .createQuery(
            "select concat(v.slot.key, '/', v.key) from VariantEntity v where v.space = :space"
                + " and v.status <> 'archived' and v.segments like :quoted order by v.slot.key, v.key",
            String.class)
        .setParameter("space", space)
        .setParameter("quoted", "%\"" + key + "\"%")
        .setMaxResults(10)
        .getResultList();
  }
}
