package dev.bespoke.cms.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One connector's settings for one space. */
@Entity
@Table(name = "cms_connector")
public class CmsConnectorEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "space_key", nullable = false, updatable = false)
  public String space;

  @Column(nullable = false, updatable = false)
  public String connector;

  @Column(nullable = false)
  public boolean enabled;

  @Column(nullable = false)
  public String secret;

  @Column(name = "token_header")
  public String tokenHeader;

  @Column(name = "publish_as", nullable = false)
  public String publishAs;

  @Column(name = "ttl_seconds", nullable = false)
  public int ttlSeconds;

  @Column(nullable = false)
  public String mapping;

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
