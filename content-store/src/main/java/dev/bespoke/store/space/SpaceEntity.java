package dev.bespoke.store.space;

import dev.bespoke.store.content.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "space")
public class SpaceEntity extends VersionedEntity {

  public static final String ACTIVE = "active";
  public static final String ARCHIVED = "archived";

  @Column(nullable = false)
  public String name;

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @Column(name = "consent_required", nullable = false)
  public boolean consentRequired;

  @Column(name = "delivery_key_required", nullable = false)
  public boolean deliveryKeyRequired;
}
