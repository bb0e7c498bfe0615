package dev.bespoke.cms.connector;

import dev.bespoke.store.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every connector bean by name; a new CMS is a new {@link CmsConnector} bean, nothing else. */
@ApplicationScoped
public class Connectors {

  private final Map<String, CmsConnector> byName = new TreeMap<>();

  public Connectors(Instance<CmsConnector> all) {
    all.forEach(c -> byName.put(c.name(), c));
  }

  public CmsConnector require(String name) {
    CmsConnector connector = byName.get(name);
    if (connector == null) {
      throw new NotFoundException("CMS connector", name);
    }
    return connector;
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
