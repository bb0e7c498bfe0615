package dev.bespoke.server.reach;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.server.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * The visitor contexts of each space's latest live decision requests, in a ring per space that the
 * newest request overwrites. Adding is one atomic increment and one array write, so the delivery
 * path never waits for it; readers copy what is there at the time.
 *
 * <p>Under load only {@link ReachConfig#samplesPerSecond()} requests a second enter each ring,
 * spread evenly in time: a ring refilled every second kept every context alive just long enough for
 * each young garbage collection to copy all of them.
 *
 * <p>Only what {@link SampleRedaction} keeps is held: no visitor id, no IP address, no identifying
 * claim, no page query string. Nothing is written anywhere; a restart forgets it all.
 */
@ApplicationScoped
public class RecentVisitors {

  /** Spaces the intake limiter tracks at once; far more than any installation has. */
  private static final int MAX_SPACES = 10_000;

  private final int capacity;
  private final RateLimiter intake;
  private final Map<String, Ring> rings = new ConcurrentHashMap<>();

  @Inject
  public RecentVisitors(ReachConfig config) {
    this(config.sampleSize(), config.samplesPerSecond(), System::nanoTime);
  }

  RecentVisitors(int capacity, int perSecond, LongSupplier nanoClock) {
    this.capacity = Math.max(0, capacity);
    // A burst of one second's worth, then the rate: quiet traffic is kept whole.
    this.intake =
        perSecond <= 0 ? null : new RateLimiter(perSecond, perSecond, MAX_SPACES, nanoClock);
  }

  /** Keeps a redacted copy of the context of one live decision request. */
  public void offer(String space, VisitorContext context) {
    if (capacity == 0) {
      return;
    }
    if (intake == null || intake.acquire(space) == 0) {
      rings.computeIfAbsent(space, s -> new Ring(capacity)).add(SampleRedaction.of(context));
    }
  }

  /** What the space's ring holds now, oldest first by decision time. */
  public Sample sample(String space) {
    Ring ring = rings.get(space);
    return ring == null ? new Sample(List.of(), null) : ring.read();
  }

  /**
   * A copy of the ring.
   *
   * @param since when the oldest context in it was seen, {@code null} when it is empty
   */
  public record Sample(List<VisitorContext> contexts, Instant since) {
    public Sample {
      contexts = List.copyOf(contexts);
    }

    public int size() {
      return contexts.size();
    }
  }

  private static final class Ring {
    private final AtomicReferenceArray<VisitorContext> slots;
    private final AtomicLong next = new AtomicLong();

    Ring(int capacity) {
      slots = new AtomicReferenceArray<>(capacity);
    }

    void add(VisitorContext context) {
      slots.set((int) Math.floorMod(next.getAndIncrement(), (long) slots.length()), context);
    }

    Sample read() {
      List<VisitorContext> contexts = new ArrayList<>(slots.length());
      Instant since = null;
      for (int i = 0; i < slots.length(); i++) {
        VisitorContext c = slots.get(i);
        if (c != null) {
          contexts.add(c);
          if (since == null || c.now().isBefore(since)) {
            since = c.now();
          }
        }
      }
      return new Sample(contexts, since);
    }
  }
}
