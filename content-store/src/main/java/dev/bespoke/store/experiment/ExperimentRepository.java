package dev.bespoke.store.experiment;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.slot.SlotEntity;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ExperimentRepository implements PanacheRepository<ExperimentEntity> {

  public Optional<ExperimentEntity> find(SpaceEntity space, String key) {
    return find("space = ?1 and key = ?2", space, key).firstResultOptional();
  }

  public ExperimentEntity require(SpaceEntity space, String key) {
    return find(space, key).orElseThrow(() -> new NotFoundException("experiment", key));
  }

  /** The experiment running on the slot, if any. */
  Optional<ExperimentEntity> runningOn(SlotEntity slot) {
    return find("slot = ?1 and status = ?2", slot, ExperimentEntity.RUNNING).firstResultOptional();
  }

  PanacheQuery<ExperimentEntity> list(SpaceEntity space, Optional<String> status) {
    return status
        .map(s -> find("space = ?1 and status = ?2", Sort.ascending("key"), space, s))
        .orElseGet(() -> find("space", Sort.ascending("key"), space));
  }
}
