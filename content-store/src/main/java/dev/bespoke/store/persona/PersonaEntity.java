package dev.bespoke.store.persona;

import dev.bespoke.store.content.ContentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "persona")
public class PersonaEntity extends ContentEntity {

  public static final String ACTIVE = "active";
  public static final String ARCHIVED = "archived";

  @Column(nullable = false)
  public String name;

  public String description;

  /** JSON object as text. */
  @Column(nullable = false)
  public String context;
}
