package dev.bespoke.server.profile.service;

import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.ProfileUpdate;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.store.ProfileStore;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A bounded buffer in front of the profile store. A write is tried at once; if the store fails,
 * times out or its breaker is open, the write waits here and a background drainer retries it once
 * the store answers again. Retries reuse the update's id, so a write whose first attempt did land
 * after all is not counted twice.
 *
 * <p>Room is counted in weight units (events), reserved before the first attempt and released only
 * once the write landed: when the buffer is full the caller is told at once (so the client can
 * retry later) and nothing is dropped silently.
 */
public final class WriteBuffer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WriteBuffer.class);

  /** Writes the drainer sends at once: quick to empty a full buffer, gentle on a reviving Redis. */
  static final int DRAIN_BATCH = 16;

  static final Duration DRAIN_INTERVAL = Duration.ofMillis(50);

  private final String name;
  private final ProfileStore store;
  private final CircuitBreaker breaker;
  private final int capacity;
  private final Duration attemptTimeout;
  private final AtomicInteger used = new AtomicInteger();
  private final AtomicInteger attempting = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final Deque<Pending> waiting = new ConcurrentLinkedDeque<>();
  private final ScheduledExecutorService drainer;
  private volatile boolean accepting = true;

  /** Where a submitted write ended up. */
  public enum Ack {
    /** The store applied it (or refused it by rule: erased, no consent, a duplicate). */
    WRITTEN,
    /** Waiting in the buffer; it will be written when the store answers again. */
    BUFFERED
  }

  /** The buffer has no room (or is shutting down); the caller should ask the client to retry. */
  public static final class FullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FullException(String message) {
      super(message, null, false, false);
    }
  }

  public WriteBuffer(
      String name,
      ProfileStore store,
      CircuitBreaker breaker,
      int capacity,
      Duration attemptTimeout) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.name = name;
    this.store = store;
    this.breaker = breaker;
    this.capacity = capacity;
    this.attemptTimeout = attemptTimeout;
    this.drainer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bespoke-" + name + "-drainer");
              t.setDaemon(true);
              return t;
            });
    drainer.scheduleWithFixedDelay(
        this::drainSafely,
        DRAIN_INTERVAL.toMillis(),
        DRAIN_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Writes through: answers once the store applied the update, or once it is safely buffered. Fails
   * with {@link FullException} when there is no room for {@code weight} more.
   */
  public Uni<Ack> submit(ProfileKey key, ProfileUpdate update, int weight) {
    if (!reserve(weight)) {
      refused.incrementAndGet();
      return Uni.createFrom()
          .failure(new FullException(accepting ? name + " buffer is full" : name + " is closing"));
    }
    return attempt(new Pending(key, update, weight));
  }

  /** Fire and forget: {@code false} (and nothing kept) when there is no room. */
  public boolean offer(ProfileKey key, ProfileUpdate update, int weight) {
    if (!reserve(weight)) {
      refused.incrementAndGet();
      return false;
    }
    attempt(new Pending(key, update, weight));
    return true;
  }

  private Uni<Ack> attempt(Pending pending) {
    if (!breaker.tryAcquire()) {
      waiting.addLast(pending);
      return Uni.createFrom().item(Ack.BUFFERED);
    }
    attempting.incrementAndGet();
    // Started here, not on subscription, and handed out as a derived stage: a caller that goes away
    // (a client hanging up) must neither cancel the write nor leave its reserved room behind.
    CompletableFuture<Ack> done =
        write(pending)
            .map(
                outcome -> {
                  release(pending);
                  return Ack.WRITTEN;
                })
            .onFailure()
            .recoverWithItem(
                failure -> {
                  waiting.addLast(pending);
                  return Ack.BUFFERED;
                })
            .onTermination()
            .invoke(attempting::decrementAndGet)
            .subscribeAsCompletionStage();
    return Uni.createFrom().completionStage(() -> done.thenApply(ack -> ack));
  }

  /** One try against the store within the budget, reported to the breaker either way. */
  private Uni<WriteOutcome> write(Pending pending) {
    return store
        .apply(pending.key, pending.update)
        .ifNoItem()
        .after(attemptTimeout)
        .fail()
        .invoke(outcome -> breaker.onSuccess())
        .onFailure()
        .invoke(failure -> breaker.onFailure());
  }

  private boolean reserve(int weight) {
    if (!accepting) {
      return false;
    }
    while (true) {
      int current = used.get();
      if (current + weight > capacity) {
        return false;
      }
      if (used.compareAndSet(current, current + weight)) {
        return true;
      }
    }
  }

  private void release(Pending pending) {
    used.addAndGet(-pending.weight);
  }

  private void drainSafely() {
    try {
      drainOnce();
    } catch (RuntimeException e) {
      LOG.warnf("the %s drainer failed a round: %s", name, e.getClass().getSimpleName());
    }
  }

  /** Retries up to {@link #DRAIN_BATCH} waiting writes; stops at the first failure. */
  void drainOnce() {
    List<Pending> batch = new ArrayList<>(DRAIN_BATCH);
    while (batch.size() < DRAIN_BATCH && !waiting.isEmpty() && breaker.tryAcquire()) {
      Pending next = waiting.pollFirst();
      if (next == null) {
        break;
      }
      batch.add(next);
      if (breaker.state() != CircuitBreaker.State.CLOSED) {
        break; // half-open: one trial at a time
      }
    }
    List<Uni<Boolean>> writes = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      writes.add(write(pending).map(outcome -> true).onFailure().recoverWithItem(false));
    }
    for (int i = 0; i < writes.size(); i++) {
      Pending pending = batch.get(i);
      if (Boolean.TRUE.equals(writes.get(i).await().indefinitely())) {
        release(pending);
      } else {
        waiting.addFirst(pending);
      }
    }
  }

  /**
   * Stops taking writes and drains what is waiting until empty or {@code deadline} passes. Used on
   * a clean shutdown, before the store's client closes.
   *
   * @return the weight still unwritten (lost with the process)
   */
  public int drain(Duration deadline) {
    accepting = false;
    long until = System.nanoTime() + deadline.toNanos();
    while ((used.get() > 0 || attempting.get() > 0) && System.nanoTime() < until) {
      try {
        drainer.submit(this::drainSafely).get();
        if (!waiting.isEmpty() || attempting.get() > 0) {
          Thread.sleep(DRAIN_INTERVAL.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        break;
      }
    }
    int left = used.get();
    if (left > 0) {
      LOG.warnf("%d buffered %s could not be written before shutdown", left, name);
    }
    return left;
  }

  /** Weight reserved by writes not yet landed (waiting or in their first attempt). */
  public int pending() {
    return used.get();
  }

  public int capacity() {
    return capacity;
  }

  /** Writes refused for want of room since start. */
  public long refused() {
    return refused.get();
  }

  public boolean accepting() {
    return accepting;
  }

  @Override
  public void close() {
    accepting = false;
    drainer.shutdownNow();
  }

  private record Pending(ProfileKey key, ProfileUpdate update, int weight) {}
}
