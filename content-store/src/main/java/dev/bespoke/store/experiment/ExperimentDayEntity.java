package dev.bespoke.store.experiment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One arm's new exposed and converting visitors on one day. */
@Entity
@Table(name = "experiment_day")
public class ExperimentDayEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "space_key", nullable = false)
  public String space;

  @Column(name = "experiment_key", nullable = false)
  public String experiment;

  @Column(name = "count_day", nullable = false)
  public LocalDate day;

  @Column(nullable = false)
  public String arm;

  @Column(nullable = false)
  public long visitors;

  @Column(nullable = false)
  public long conversions;
}
