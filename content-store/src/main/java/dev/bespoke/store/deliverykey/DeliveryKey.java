package dev.bespoke.store.deliverykey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A delivery key as the admin API shows it. {@code key} is present only in the answer that created
 * it: afterwards only its {@code id} is known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryKey(
    String id,
    String label,
    String key,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy) {}
