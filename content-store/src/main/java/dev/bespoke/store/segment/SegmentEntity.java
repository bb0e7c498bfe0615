package dev.bespoke.store.segment;

import dev.bespoke.store.content.ContentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "segment")
public class SegmentEntity extends ContentEntity {

  @Column(nullable = false)
  public String name;

  public String description;

  /** The condition as JSON text, exactly as validated. */
  @Column(nullable = false)
  public String rule;
}
