package dev.bespoke.store.content;

import dev.bespoke.store.space.SpaceEntity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** An entity that belongs to a space. */
@MappedSuperclass
public abstract class ContentEntity extends VersionedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "space_id", nullable = false, updatable = false)
  public SpaceEntity space;
}
