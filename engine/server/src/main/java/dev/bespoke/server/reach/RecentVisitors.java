package dev.bespoke.server.reach;

import dev.bespoke.core.context.VisitorContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The visitor contexts of each space's latest live decision requests, in a ring per space that the
 * newest request overwrites. Adding is one atomic increment and one array write, so the delivery
 * path never waits for it; readers copy what is there at the time.
 *
 * <p>Only what {@link SampleRedaction} keeps is held: no visitor id, no IP address, no identifying
 * claim, no page query string. Nothing is written anywhere; a restart forgets it all.
 */
@ApplicationScoped
public class RecentVisitors {

  private final int capacity;
  private final Map<String, Ring> rings = new ConcurrentHashMap<>();

  public RecentVisitors(ReachConfig config) {
    this.capacity = Math.max(0, config.sampleSize());
  }

  /** Keeps a redacted copy of the context of one live decision request. */
  public void offer(String space, VisitorContext context) {
    if (capacity == 0) {
      return;
    }
    rings.computeIfAbsent(space, s -> new Ring(capacity)).add(SampleRedaction.of(context));
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
