package dev.bespoke.store.deliverykey;

/** {@code POST …/delivery-keys}: an optional label saying where the key is used. */
public record DeliveryKeyRequest(String label) {}
