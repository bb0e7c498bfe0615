package dev.bespoke.cms.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last event applied for one CMS entry: the idempotency ledger. */
@Entity
@Table(name = "cms_entry")
public class CmsEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "space_key", nullable = false, updatable = false)
  public String space;

  @Column(nullable = false, updatable = false)
  public String connector;

  @Column(name = "entry_id", nullable = false, updatable = false)
  public String entryId;

  @Column(nullable = false)
  public long revision;

  @Column(name = "action_rank", nullable = false)
  public int actionRank;

  @Column(nullable = false)
  public String action;

  /** JSON list of {@code slot/variant} the entry produced. */
  @Column(nullable = false)
  public String variants;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
