package dev.bespoke.core.context;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * What is known about one visitor for one request: plain attributes ({@code geo.country}), daily
 * behaviour counters, interest scores and a way to ask about segment membership.
 *
 * <p>Built once per request by the server and read many times by compiled conditions. Values are
 * plain strings, numbers and booleans held in maps: a rule names an attribute and gets exactly what
 * the server put under that name, nothing is looked up reflectively.
 *
 * <p>{@code time.hour}, {@code time.dayOfWeek} and {@code time.date} come from {@link #now()} in
 * {@link #zone()} (the space's time zone) unless the builder set them, so previews can pin a time.
 */
public final class VisitorContext {

  /**
   * How deep segment resolution may nest through {@code inSegment}. Saves reject cycles and deep
   * chains (SegmentGraph); this is the last line, so a stale or hand-made graph fails closed
   * instead of overflowing the stack.
   */
  static final int MAX_SEGMENT_RESOLUTION_DEPTH = 32;

  private static final ThreadLocal<Deque<String>> RESOLVING =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final Instant now;
  private final ZoneId zone;
  private final ZonedDateTime local;
  private final long todayEpochDay;
  private final Map<String, Object> attributes;
  private final Map<String, DailyCounts> behavior;
  private final Map<String, Double> scores;
  private final BiPredicate<VisitorContext, String> segments;
  // Memoised per request: a segment used by five variants is evaluated once. Results depend only on
  // this immutable context, so caching them does not change any answer. Sized for a space's worth
  // of segments up front: growing a concurrent map while a decision fills it was a tenth of the
  // decision's time (JMH, docs/benchmarks.md).
  private final Map<String, Boolean> segmentMemo = new ConcurrentHashMap<>(64);

  private VisitorContext(Builder b) {
    this.now = b.now;
    this.zone = b.zone;
    this.local = now.atZone(zone);
    this.todayEpochDay = local.toLocalDate().toEpochDay();
    // The builder hands its maps over instead of copying them (see Builder#build), so the
    // attributes are not copied twice on every request.
    this.attributes = Collections.unmodifiableMap(b.attributes);
    Map<String, DailyCounts> counts = new HashMap<>();
    b.behavior.forEach((key, days) -> counts.put(key, DailyCounts.of(days)));
    this.behavior = Collections.unmodifiableMap(counts);
    this.scores = Collections.unmodifiableMap(b.scores);
    this.segments = b.segments;
  }

  /** A copy sharing everything but the attributes and the segment memo. */
  private VisitorContext(
      VisitorContext from,
      Map<String, Object> attributes,
      BiPredicate<VisitorContext, String> segments) {
    this.now = from.now;
    this.zone = from.zone;
    this.local = from.local;
    this.todayEpochDay = from.todayEpochDay;
    this.attributes = attributes;
    this.behavior = from.behavior;
    this.scores = from.scores;
    this.segments = segments;
  }

  public static Builder builder(Instant now, ZoneId zone) {
    return new Builder(now, zone);
  }

  /**
   * The value of a plain attribute: a {@code String}, {@code Number} or {@code Boolean} (a {@code
   * LocalDate} only if the server set {@code time.date} as one). {@code score.*} and {@code
   * behavior.*} names answer the score and the all-time count when any was recorded.
   */
  public Optional<Object> attribute(String name) {
    Object value = attributes.get(name);
    if (value != null) {
      return Optional.of(value);
    }
    if (name.startsWith("time.")) {
      return Optional.ofNullable(derivedTime(name));
    }
    if (name.startsWith("score.")) {
      return Optional.ofNullable(scores.get(name.substring("score.".length())));
    }
    if (name.startsWith("behavior.")) {
      DailyCounts counts = behavior.get(name.substring("behavior.".length()));
      return counts == null ? Optional.empty() : Optional.of(counts.total());
    }
    return Optional.empty();
  }

  private Object derivedTime(String name) {
    return switch (name) {
      case "time.hour" -> local.getHour();
      case "time.dayOfWeek" -> local.getDayOfWeek().getValue();
      case "time.date" -> local.toLocalDate().toString();
      default -> null;
    };
  }

  /**
   * Events recorded under {@code key} (for example {@code pageview.category.shoes}).
   *
   * @param within {@code null} for every recorded day; otherwise the last {@code within.toDays()}
   *     calendar days in {@link #zone()} up to and including today, so {@code P1D} is today and
   *     {@code P7D} is today and the six days before. Buckets dated after today are not counted.
   */
  public long behaviorCount(String key, Duration within) {
    DailyCounts counts = behavior.get(key);
    if (counts == null) {
      return 0;
    }
    if (within == null) {
      return counts.total();
    }
    long days = Math.max(within.toDays(), 0);
    return counts.sum(todayEpochDay - days + 1, todayEpochDay);
  }

  /** The interest score for {@code key} (for example {@code category.shoes}); 0 when none. */
  public double score(String key) {
    return scores.getOrDefault(key, 0.0);
  }

  /**
   * Whether the visitor is in the segment, asked lazily of the resolver the server supplied and
   * remembered for this context. Without a resolver, or when resolution loops back on itself, the
   * answer is {@code false}: fail closed.
   */
  public boolean inSegment(String segmentKey) {
    Boolean known = segmentMemo.get(segmentKey);
    if (known != null) {
      return known;
    }
    Deque<String> resolving = RESOLVING.get();
    if (resolving.contains(segmentKey) || resolving.size() >= MAX_SEGMENT_RESOLUTION_DEPTH) {
      return false;
    }
    resolving.push(segmentKey);
    boolean member;
    try {
      member = segments.test(this, segmentKey);
    } finally {
      resolving.pop();
    }
    segmentMemo.put(segmentKey, member);
    return member;
  }

  public Instant now() {
    return now;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Today's date in {@link #zone()}. */
  public LocalDate today() {
    return LocalDate.ofEpochDay(todayEpochDay);
  }

  /** The attributes the server set explicitly (not the derived {@code time.*}). */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** The scores the server set, by key without the {@code score.} prefix. */
  public Map<String, Double> scores() {
    return scores;
  }

  /** Keys with recorded behaviour, without the {@code behavior.} prefix. */
  public Set<String> behaviorKeys() {
    return behavior.keySet();
  }

  /**
   * The same visitor, with segment membership answered by {@code resolver} and nothing remembered
   * from earlier questions: how a kept context is asked about segments as they are now, or about a
   * rule that is not published yet.
   */
  public VisitorContext withSegmentResolver(BiPredicate<VisitorContext, String> resolver) {
    return new VisitorContext(this, attributes, Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * The same visitor with {@code keep} deciding, per attribute, the value kept ({@code null} drops
   * it): for a copy that leaves out what identifies the visitor. Behaviour and scores are shared,
   * they are already immutable.
   */
  public VisitorContext withAttributes(BiFunction<String, Object, Object> keep) {
    Map<String, Object> kept = new HashMap<>(attributes.size() * 2);
    attributes.forEach(
        (name, value) -> {
          Object v = keep.apply(name, value);
          if (v != null) {
            kept.put(name, v);
          }
        });
    return new VisitorContext(this, Collections.unmodifiableMap(kept), segments);
  }

  /** Builds a {@link VisitorContext}. Not thread-safe: one builder per request. */
  public static final class Builder {
    private final Instant now;
    private final ZoneId zone;
    private Map<String, Object> attributes = new HashMap<>();
    private final Map<String, TreeMap<Long, Long>> behavior = new HashMap<>();
    private Map<String, Double> scores = new HashMap<>();
    private boolean shared;
    private BiPredicate<VisitorContext, String> segments = (ctx, key) -> false;

    private Builder(Instant now, ZoneId zone) {
      this.now = Objects.requireNonNull(now, "now");
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Sets a text attribute; {@code null} leaves it unset (missing). */
    public Builder attribute(String name, String value) {
      return put(name, value);
    }

    /** Sets a number attribute; {@code null} leaves it unset (missing). */
    public Builder attribute(String name, Number value) {
      return put(name, value);
    }

    public Builder attribute(String name, boolean value) {
      return put(name, value);
    }

    /** Sets {@code time.date} or another date attribute explicitly. */
    public Builder attribute(String name, LocalDate value) {
      return put(name, value);
    }

    /**
     * Sets many attributes, for example traits decoded from JSON. Values must be strings, numbers,
     * booleans or dates; {@code null} values are skipped.
     */
    public Builder attributes(Map<String, ?> values) {
      values.forEach(
          (name, value) -> {
            if (value != null
                && !(value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof LocalDate)) {
              throw new IllegalArgumentException(
                  "attribute " + name + " must be a string, number, boolean or date");
            }
            put(name, value);
          });
      return this;
    }

    /**
     * Adds {@code count} events on {@code day} (a date in the space's zone) under {@code key}, such
     * as {@code pageview.category.shoes}. Repeated calls for one day add up.
     */
    public Builder behavior(String key, LocalDate day, long count) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(day, "day");
      if (count < 0) {
        throw new IllegalArgumentException("counts are never negative: " + count);
      }
      behavior.computeIfAbsent(key, k -> new TreeMap<>()).merge(day.toEpochDay(), count, Long::sum);
      return this;
    }

    /** Sets the decayed interest score for {@code key}, such as {@code category.shoes}. */
    public Builder score(String key, double value) {
      Objects.requireNonNull(key, "key");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("scores are finite: " + value);
      }
      own();
      scores.put(key, value);
      return this;
    }

    /** Answers segment membership by key; called lazily, at most once per key and context. */
    public Builder segmentResolver(Predicate<String> resolver) {
      Objects.requireNonNull(resolver, "resolver");
      this.segments = (ctx, key) -> resolver.test(key);
      return this;
    }

    /**
     * Answers segment membership given the context being evaluated, so a resolver can evaluate the
     * segment's own compiled rule against it without building the context first.
     */
    public Builder segmentResolver(BiPredicate<VisitorContext, String> resolver) {
      this.segments = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * The context. It takes the builder's attribute and score maps without copying them; a later
     * change through this builder copies them first, so it cannot reach a context already built.
     */
    public VisitorContext build() {
      shared = true;
      return new VisitorContext(this);
    }

    /** Copy on write: maps handed to a built context are never changed again. */
    private void own() {
      if (shared) {
        attributes = new HashMap<>(attributes);
        scores = new HashMap<>(scores);
        shared = false;
      }
    }

    private Builder put(String name, Object value) {
      Objects.requireNonNull(name, "name");
      own();
      if (value == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, value);
      }
      return this;
    }
  }

  /** One key's counts by epoch day, with prefix sums so any window costs two binary searches. */
  private record DailyCounts(long[] days, long[] cumulative) {
    static DailyCounts of(TreeMap<Long, Long> byDay) {
      long[] days = new long[byDay.size()];
      long[] cumulative = new long[byDay.size()];
      int i = 0;
      long running = 0;
      for (Map.Entry<Long, Long> e : byDay.entrySet()) {
        days[i] = e.getKey();
        running = saturatedAdd(running, e.getValue());
        cumulative[i++] = running;
      }
      return new DailyCounts(days, cumulative);
    }

    long total() {
      return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** Sum over epoch days {@code from..to}, both inclusive. */
    long sum(long from, long to) {
      int hi = upperIndex(to);
      int lo = upperIndex(from - 1);
      long upTo = hi < 0 ? 0 : cumulative[hi];
      long before = lo < 0 ? 0 : cumulative[lo];
      return upTo - before;
    }

    /** Index of the last day {@code <= day}, or -1. */
    private int upperIndex(long day) {
      int i = Arrays.binarySearch(days, day);
      return i >= 0 ? i : -i - 2;
    }

    private static long saturatedAdd(long a, long b) {
      long r = a + b;
      return r < 0 ? Long.MAX_VALUE : r;
    }
  }
}
