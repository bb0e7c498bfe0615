package dev.bespoke.server.delivery.cors;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "bespoke.delivery")
public interface CorsConfig {

  /**
   * Origins (scheme://host[:port]) whose pages may call the delivery API from the browser. Unset:
   * no cross-origin access; serve the API from the site's own origin (e.g. through the CDN).
   */
  Optional<List<String>> corsOrigins();
}
