package dev.bespoke.store.space;

/**
 * A space as the admin API shows it. On input, absent optional fields take their defaults; {@code
 * status} (active or archived) is read-only and {@code version} is required on update.
 */
public record Space(
    String key,
    String name,
    String timeZone,
    Boolean consentRequired,
    Boolean deliveryKeyRequired,
    String status,
    Long version) {}
