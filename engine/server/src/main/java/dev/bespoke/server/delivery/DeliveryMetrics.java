package dev.bespoke.server.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What an operator watches on the delivery path (docs/operations.md, "What to watch"): how long
 * deciding takes, as a histogram so percentiles aggregate across nodes, and how often a slot fell
 * back to its default because of a fault.
 */
@ApplicationScoped
public class DeliveryMetrics {

  private final Timer decisions;
  private final Counter profileFallbacks;
  private final Counter errorFallbacks;

  public DeliveryMetrics(MeterRegistry registry) {
    // Buckets from 10 µs: a decision is micro-seconds of CPU, and Prometheus' default buckets
    // start at a millisecond, which would put every decision in the first one.
    this.decisions =
        Timer.builder("bespoke.decision")
            .description(
                "Deciding every slot of one delivery request, once the profile is in hand:"
                    + " context, segments, selection and the answer's tokens")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(1))
            .register(registry);
    this.profileFallbacks = fallbacks(registry, "profile-unavailable");
    this.errorFallbacks = fallbacks(registry, "error");
  }

  private static Counter fallbacks(MeterRegistry registry, String cause) {
    return Counter.builder("bespoke.decision.fallbacks")
        .description("Slots answered with fallback: true, by cause")
        .tag("cause", cause)
        .register(registry);
  }

  /** Times one request's decisions. */
  <T> T timeDecisions(Supplier<T> decide) {
    return decisions.record(decide);
  }

  /** One slot answered as a fallback: the profile could not be read, or deciding failed. */
  void fallback(boolean profileUnavailable) {
    (profileUnavailable ? profileFallbacks : errorFallbacks).increment();
  }
}
