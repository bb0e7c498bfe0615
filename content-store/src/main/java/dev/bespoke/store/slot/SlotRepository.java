package dev.bespoke.store.slot;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SlotRepository implements PanacheRepository<SlotEntity> {

  public Optional<SlotEntity> find(SpaceEntity space, String key) {
    return find("space = ?1 and key = ?2", space, key).firstResultOptional();
  }

  public SlotEntity require(SpaceEntity space, String key) {
    return find(space, key).orElseThrow(() -> new NotFoundException("slot", key));
  }

  PanacheQuery<SlotEntity> list(SpaceEntity space, Optional<String> status) {
    return status
        .map(s -> find("space = ?1 and status = ?2", Sort.ascending("key"), space, s))
        .orElseGet(() -> find("space", Sort.ascending("key"), space));
  }
}
