package dev.bespoke.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored snapshot: the entity's public record as JSON text, immutable once written. */
@Entity
@Table(name = "content_version")
public class ContentVersionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "space_key", nullable = false, updatable = false)
  public String space;

  @Column(name = "entity_type", nullable = false, updatable = false)
  public String entityType;

  @Column(name = "entity_key", nullable = false, updatable = false)
  public String entityKey;

  @Column(name = "version_number", nullable = false, updatable = false)
  public long version;

  @Column(nullable = false, updatable = false)
  public String snapshot;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant at;

  @Column(nullable = false, updatable = false)
  public String actor;
}
