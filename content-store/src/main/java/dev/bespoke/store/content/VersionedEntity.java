package dev.bespoke.store.content;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Columns every stored entity has. {@code version} is JPA's optimistic lock and also the number of
 * the entity's current snapshot in the version history; it starts at 1.
 */
@MappedSuperclass
public abstract class VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** "key" is a keyword in H2 and a function in JPQL: the column is item_key. */
  @Column(name = "item_key", nullable = false, updatable = false)
  public String key;

  @Column(nullable = false)
  public String status;

  @Version
  @Column(nullable = false)
  public Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  public String createdBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;
}
