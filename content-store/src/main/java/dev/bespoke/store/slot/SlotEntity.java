package dev.bespoke.store.slot;

import dev.bespoke.store.content.ContentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Lists and JSON are text columns so one schema serves H2 and PostgreSQL alike. */
@Entity
@Table(name = "slot")
public class SlotEntity extends ContentEntity {

  @Column(nullable = false)
  public String name;

  public String description;

  /** JSON array of channel names. */
  @Column(nullable = false)
  public String channels;

  /** JSON Schema as JSON text, or null. */
  @Column(name = "fields_schema")
  public String fieldsSchema;

  public String template;

  @Column(nullable = false)
  public String strategy;

  @Column(nullable = false)
  public boolean cacheable;
}
