package dev.bespoke.cms.settings;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CmsConnectorRepository implements PanacheRepository<CmsConnectorEntity> {

  public Optional<CmsConnectorEntity> find(String space, String connector) {
    return find("space = ?1 and connector = ?2", space, connector).firstResultOptional();
  }

  public List<CmsConnectorEntity> forSpace(String space) {
    return list("space = ?1 order by connector", space);
  }
}
