package dev.bespoke.server.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One atomic write to a profile.
 *
 * @param id identifies this update across retries: a store that already applied it answers {@link
 *     WriteOutcome#DUPLICATE}, so a write whose answer was lost can be sent again safely
 * @param at when it happened (server time)
 * @param today the calendar day of {@code at} in the space's time zone: day buckets and their
 *     retention are counted in it
 * @param touch whether this counts as activity: opens a new visit after the session gap and moves
 *     {@code lastSeen}
 * @param pageviews pageviews to add to the current visit
 * @param gate the stored consent this write needs
 * @param ops the changes
 */
public record ProfileUpdate(
    String id,
    Instant at,
    LocalDate today,
    boolean touch,
    long pageviews,
    ConsentGate gate,
    List<ProfileOp> ops) {

  public ProfileUpdate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(gate, "gate");
    ops = List.copyOf(ops);
  }

  public static Builder builder(Instant at, LocalDate today) {
    return new Builder(at, today);
  }

  /**
   * 72 random bits in 12 URL-safe characters: unique enough among the few updates of one visitor
   * that can be in flight at once, and short because the store keeps the last few with the profile.
   */
  static String newId() {
    byte[] bytes = new byte[9];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Collects the operations of one update. Not thread-safe. */
  public static final class Builder {
    private final Instant at;
    private final LocalDate today;
    private final List<ProfileOp> ops = new ArrayList<>();
    private boolean touch;
    private long pageviews;
    private ConsentGate gate = ConsentGate.NOT_REFUSED;
    private String id;

    private Builder(Instant at, LocalDate today) {
      this.at = Objects.requireNonNull(at, "at");
      this.today = Objects.requireNonNull(today, "today");
    }

    /**
     * Names the update after something the client sent (its event ids), so that the same batch sent
     * again is recognised as the same update; unset, every update is new.
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    public Builder touch() {
      this.touch = true;
      return this;
    }

    public Builder pageview() {
      this.touch = true;
      this.pageviews++;
      return this;
    }

    public Builder gate(ConsentGate gate) {
      this.gate = Objects.requireNonNull(gate, "gate");
      return this;
    }

    /** Counts one event under {@code key} in today's bucket. */
    public Builder count(String key) {
      return op(new ProfileOp.Count(key, today, 1));
    }

    /** Adds 1 to the interest score {@code key} at this update's instant. */
    public Builder score(String key) {
      return op(new ProfileOp.AddScore(key, new Score(1, at)));
    }

    public Builder convert(String goal) {
      return op(new ProfileOp.Convert(goal, at));
    }

    public Builder op(ProfileOp op) {
      ops.add(Objects.requireNonNull(op, "op"));
      return this;
    }

    public boolean isEmpty() {
      return ops.isEmpty() && !touch;
    }

    public ProfileUpdate build() {
      return new ProfileUpdate(id == null ? newId() : id, at, today, touch, pageviews, gate, ops);
    }
  }
}
