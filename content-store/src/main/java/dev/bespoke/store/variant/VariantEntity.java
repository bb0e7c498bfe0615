package dev.bespoke.store.variant;

import dev.bespoke.store.content.ContentEntity;
import dev.bespoke.store.slot.SlotEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "variant")
public class VariantEntity extends ContentEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "slot_id", nullable = false, updatable = false)
  public SlotEntity slot;

  @Column(nullable = false)
  public String name;

  /** JSON object as text. */
  @Column(nullable = false)
  public String fields;

  public String html;

  /** JSON array of segment keys, in the editor's order. */
  @Column(nullable = false)
  public String segments;

  @Column(name = "segment_match", nullable = false)
  public String segmentMatch;

  @Column(nullable = false)
  public String channels;

  @Column(nullable = false)
  public String locales;

  @Column(nullable = false)
  public int priority;

  @Column(nullable = false)
  public int weight;

  @Column(name = "valid_from")
  public Instant validFrom;

  @Column(name = "valid_until")
  public Instant validUntil;

  @Column(name = "is_default", nullable = false)
  public boolean isDefault;

  @Column(name = "suppress_after_conversion")
  public String suppressAfterConversion;

  /**
   * The slot's id while this is its published default, else null. A unique constraint on it lets
   * the database refuse a second published default even when two publishes race; unique constraints
   * admit many nulls on H2 and PostgreSQL alike, unlike a partial index.
   */
  @Column(name = "published_default_of")
  public Long publishedDefaultOf;
}
