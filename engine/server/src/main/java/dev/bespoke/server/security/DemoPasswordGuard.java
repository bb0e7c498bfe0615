package dev.bespoke.server.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start the prod profile with a demo password: the demo accounts are public knowledge,
 * and a service reachable from outside must never accept them.
 */
@ApplicationScoped
public class DemoPasswordGuard {

  void onStart(@Observes StartupEvent event, SecurityConfig config, UserDirectory users) {
    if (!ConfigUtils.getProfiles().contains("prod")) {
      return;
    }
    if (config.demoUsers()) {
      throw new IllegalStateException(
          "bespoke.security.demo-users=true is not allowed in the prod profile");
    }
    users
        .accountWithDemoPassword()
        .ifPresent(
            name -> {
              throw new IllegalStateException(
                  "user '" + name + "' has a demo password; the prod profile refuses to start");
            });
  }
}
