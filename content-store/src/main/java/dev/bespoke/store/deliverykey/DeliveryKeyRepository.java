package dev.bespoke.store.deliverykey;

import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.space.SpaceEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DeliveryKeyRepository implements PanacheRepository<DeliveryKeyEntity> {

  List<DeliveryKeyEntity> listFor(SpaceEntity space) {
    return list("space", Sort.ascending("createdAt", "id"), space);
  }

  DeliveryKeyEntity require(SpaceEntity space, String keyId) {
    return find("space = ?1 and keyId = ?2", space, keyId)
        .firstResultOptional()
        .orElseThrow(() -> new NotFoundException("delivery key", keyId));
  }

  List<DeliveryKeyEntity> active() {
    return list("revokedAt is null");
  }
}
