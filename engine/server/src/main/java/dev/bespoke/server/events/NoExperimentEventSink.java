package dev.bespoke.server.events;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Used until an experiments module provides a real sink: experiment events are not counted. */
@DefaultBean
@ApplicationScoped
public class NoExperimentEventSink implements ExperimentEventSink {

  @Override
  public void accept(ExperimentEvent event) {
    // Nothing counts experiments yet; the profile side of the event was already handled.
  }
}
