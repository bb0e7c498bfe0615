package dev.bespoke.store.deliverykey;

import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.history.Change;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceEntity;
import dev.bespoke.store.space.SpaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates, lists and revokes a space's delivery keys; every change is audited. */
@ApplicationScoped
@Transactional
public class DeliveryKeyService {

  static final int MAX_LABEL = 200;
  static final String ENTITY_TYPE = "delivery-key";

  private final DeliveryKeyRepository keys;
  private final SpaceRepository spaces;
  private final History history;
  private final Clock clock;

  public DeliveryKeyService(
      DeliveryKeyRepository keys, SpaceRepository spaces, History history, Clock clock) {
    this.keys = keys;
    this.spaces = spaces;
    this.history = history;
    this.clock = clock;
  }

  /** A new key; the answer is the only place its secret value ever appears. */
  public DeliveryKey create(String space, DeliveryKeyRequest request, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    String label = request == null ? null : request.label();
    if (label != null && (label.length() > MAX_LABEL || label.chars().anyMatch(c -> c < 0x20))) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "label",
                  "must be at most " + MAX_LABEL + " characters without control characters")));
    }
    DeliveryKeyEntity entity = new DeliveryKeyEntity();
    entity.space = owner;
    entity.keyId = DeliveryKeyDigests.newId();
    String key = DeliveryKeyDigests.newKey(entity.keyId);
    entity.keyDigest = DeliveryKeyDigests.digest(key);
    entity.label = label;
    entity.createdAt = clock.instant();
    entity.createdBy = actor;
    keys.persist(entity);
    DeliveryKey shown = toRecord(entity, null);
    history.record(
        new Change(space, ENTITY_TYPE, entity.keyId, "create", actor, null, 1, label), shown);
    return toRecord(entity, key);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeliveryKey> list(String space) {
    return keys.listFor(spaces.require(space)).stream().map(e -> toRecord(e, null)).toList();
  }

  public DeliveryKey revoke(String space, String keyId, String actor) {
    DeliveryKeyEntity entity = keys.require(spaces.requireWritable(space), keyId);
    if (!entity.isActive()) {
      throw new ConflictException("delivery key " + keyId + " is already revoked");
    }
    entity.revokedAt = clock.instant();
    entity.revokedBy = actor;
    DeliveryKey shown = toRecord(entity, null);
    history.record(new Change(space, ENTITY_TYPE, keyId, "revoke", actor, 1L, 2, null), shown);
    return shown;
  }

  /** Digests of every active key, by space key: what delivery checks against. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Set<String>> activeDigests() {
    Map<String, Set<String>> bySpace = new HashMap<>();
    for (DeliveryKeyEntity key : keys.active()) {
      bySpace.computeIfAbsent(key.space.key, s -> new HashSet<>()).add(key.keyDigest);
    }
    return bySpace;
  }

  private static DeliveryKey toRecord(DeliveryKeyEntity e, String key) {
    return new DeliveryKey(
        e.keyId, e.label, key, e.createdAt, e.createdBy, e.revokedAt, e.revokedBy);
  }
}
