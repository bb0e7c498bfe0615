package dev.bespoke.server.health;

import dev.bespoke.server.snapshot.SnapshotRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the published snapshot has loaded: a node that started while the database was
 * down must not receive traffic it would answer with empty decisions.
 */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

  private final SnapshotRegistry registry;

  public SnapshotReadiness(SnapshotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("published-snapshot")
        .status(registry.loaded())
        .withData("spaces", registry.spaces().size())
        .build();
  }
}
