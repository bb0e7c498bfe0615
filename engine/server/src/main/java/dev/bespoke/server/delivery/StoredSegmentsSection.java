package dev.bespoke.server.delivery;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.SegmentCatalog;
import dev.bespoke.server.context.ResolvedRequest;
import dev.bespoke.server.context.consent.Consent;
import dev.bespoke.server.context.session.Customer;
import dev.bespoke.server.profile.rest.MeRequest;
import dev.bespoke.server.profile.rest.MeSectionContributor;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.snapshot.SnapshotRegistry;
import dev.bespoke.server.snapshot.SpaceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code segments} section of {@code GET /api/v1/me}: the published segments the visitor is in
 * on what Bespoke stores about them (profile, counters, CRM traits), each with its rule and the
 * data it reads. Request signals (country, device, page) are not stored, so segments that need them
 * only match on the requests that carry them.
 */
@ApplicationScoped
public class StoredSegmentsSection implements MeSectionContributor {

  /** One segment the visitor is in. */
  public record SegmentUse(String key, String rule, Set<String> uses) {}

  private final SnapshotRegistry snapshots;
  private final VisitorContextAssembler contexts;
  private final Clock clock;

  public StoredSegmentsSection(
      SnapshotRegistry snapshots, VisitorContextAssembler contexts, Clock clock) {
    this.snapshots = snapshots;
    this.contexts = contexts;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "segments";
  }

  @Override
  public Optional<Object> contribute(MeRequest request) {
    Optional<SpaceSnapshot> snapshot = snapshots.get(request.space().space());
    Optional<ProfileRead> stored = request.customer().or(request::visitor);
    if (snapshot.isEmpty() || stored.isEmpty()) {
      return Optional.empty();
    }
    Optional<Customer> customer =
        request.caller().customerId().map(id -> new Customer(id, Map.of()));
    ResolvedRequest storedOnly =
        new ResolvedRequest(
            request.caller().visitorId().orElse(""),
            false,
            false,
            Consent.UNKNOWN,
            customer,
            Map.of());
    Instant now = clock.instant();
    VisitorContext context = contexts.assemble(snapshot.get(), storedOnly, stored.get(), now);
    SegmentCatalog segments = snapshot.get().segments();
    List<SegmentUse> uses = new ArrayList<>();
    for (String key : segments.matching(context)) {
      uses.add(new SegmentUse(key, segments.describe(key).orElse(""), segments.attributesOf(key)));
    }
    return Optional.of(uses);
  }
}
