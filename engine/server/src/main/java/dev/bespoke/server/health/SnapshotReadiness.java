package dev.bespoke.server.health;

import dev.bespoke.server.snapshot.SnapshotRegistry;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the published snapshot has loaded: a node that started while the database was
 * down must not receive traffic it would answer with empty decisions.
 *
 * <p>It is also the whole of the {@code delivery} group ({@code /q/health/group/delivery}), the
 * probe for a load balancer in front of the delivery API: {@code /q/health/ready} also checks the
 * database, which delivery never touches, so a database outage would take every node out of the
 * balancer although each could go on serving its snapshot (docs/operations.md, "Kubernetes").
 */
@Readiness
@HealthGroup(SnapshotReadiness.DELIVERY_GROUP)
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

  /** The health group a delivery load balancer probes. */
  public static final String DELIVERY_GROUP = "delivery";

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
