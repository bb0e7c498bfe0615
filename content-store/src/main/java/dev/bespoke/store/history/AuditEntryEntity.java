package dev.bespoke.store.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the audit trail. It names the space by key rather than by foreign key so the trail
 * outlives anything it describes.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "space_key", nullable = false, updatable = false)
  public String space;

  @Column(name = "entity_type", nullable = false, updatable = false)
  public String entityType;

  @Column(name = "entity_key", nullable = false, updatable = false)
  public String entityKey;

  @Column(nullable = false, updatable = false)
  public String action;

  @Column(nullable = false, updatable = false)
  public String actor;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  public Instant at;

  @Column(name = "from_version", updatable = false)
  public Long fromVersion;

  @Column(name = "to_version", updatable = false)
  public Long toVersion;

  @Column(updatable = false)
  public String detail;
}
