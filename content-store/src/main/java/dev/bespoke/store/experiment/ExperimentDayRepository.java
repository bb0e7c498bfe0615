package dev.bespoke.store.experiment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ExperimentDayRepository implements PanacheRepository<ExperimentDayEntity> {

  List<ExperimentDayEntity> of(String space, String experiment) {
    return list(
        "space = ?1 and experiment = ?2", Sort.ascending("day").and("arm"), space, experiment);
  }

  long deleteOf(String space, String experiment) {
    return delete("space = ?1 and experiment = ?2", space, experiment);
  }
}
