package dev.bespoke.store.space;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SpaceRepository implements PanacheRepository<SpaceEntity> {

  public Optional<SpaceEntity> findByKey(String key) {
    return find("key", key).firstResultOptional();
  }

  /** The space, or a 404 naming it. */
  public SpaceEntity require(String key) {
    return findByKey(key).orElseThrow(() -> new NotFoundException("space", key));
  }

  /** The space, if content may still be written in it: an archived space is frozen. */
  public SpaceEntity requireWritable(String key) {
    SpaceEntity space = require(key);
    if (SpaceEntity.ARCHIVED.equals(space.status)) {
      throw new ConflictException("space " + key + " is archived; its content is read-only");
    }
    return space;
  }
}
