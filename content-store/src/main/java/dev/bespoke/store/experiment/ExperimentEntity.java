package dev.bespoke.store.experiment;

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
@Table(name = "experiment")
public class ExperimentEntity extends ContentEntity {

  public static final String DRAFT = "draft";
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String ARCHIVED = "archived";

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "slot_id", nullable = false)
  public SlotEntity slot;

  @Column(name = "experiment_type", nullable = false)
  public String type;

  @Column(name = "traffic_percent", nullable = false)
  public int trafficPercent;

  /** JSON array of arms. */
  @Column(nullable = false)
  public String arms;

  @Column(nullable = false)
  public String goal;

  @Column(nullable = false)
  public double alpha;

  @Column(nullable = false)
  public String exposure;

  @Column(name = "hash_version", nullable = false)
  public int hashVersion;

  @Column(name = "valid_from")
  public Instant validFrom;

  @Column(name = "valid_until")
  public Instant validUntil;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  /** JSON of the counts read when the experiment stopped; not part of the public record. */
  @Column(name = "frozen_counts")
  public String frozenCounts;
}
