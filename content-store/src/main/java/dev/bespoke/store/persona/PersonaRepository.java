package dev.bespoke.store.persona;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PersonaRepository implements PanacheRepository<PersonaEntity> {

  public Optional<PersonaEntity> find(SpaceEntity space, String key) {
    return find("space = ?1 and key = ?2", space, key).firstResultOptional();
  }

  public PersonaEntity require(SpaceEntity space, String key) {
    return find(space, key).orElseThrow(() -> new NotFoundException("persona", key));
  }

  PanacheQuery<PersonaEntity> list(SpaceEntity space) {
    return find("space", Sort.ascending("key"), space);
  }
}
