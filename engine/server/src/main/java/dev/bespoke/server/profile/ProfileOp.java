package dev.bespoke.server.profile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change to a profile. Every operation is commutative or idempotent (increments, decayed sums,
 * put-if-absent, earliest-wins) so that writes from several nodes or a retried buffer give the same
 * profile whatever order they land in.
 */
public sealed interface ProfileOp {

  /** Adds {@code amount} to the counter's bucket for {@code day}. */
  record Count(String key, LocalDate day, long amount) implements ProfileOp {}

  /** Adds a score: decays both to the later instant and sums (an event is {@code (1, at)}). */
  record AddScore(String key, Score score) implements ProfileOp {}

  /** Sets one self-stated trait (a string, number or boolean). */
  record SetTrait(String name, Object value) implements ProfileOp {}

  /** Removes every self-stated trait, so a {@code PUT} replaces the set. */
  record ClearTraits() implements ProfileOp {}

  /** Assigns an experiment arm unless one is already assigned: once assigned, never changed. */
  record Assign(String experiment, String arm) implements ProfileOp {}

  /** Records a conversion on the goal; the earliest time is kept. */
  record Convert(String goal, Instant at) implements ProfileOp {}

  /** Replaces the stated consent. */
  record SetConsent(Consent consent) implements ProfileOp {}

  /**
   * Forgets everything stored so far, in the same atomic step as the operations after it: a
   * revocation of consent keeps only the refusal, with no window in which an event could slip in.
   */
  record Reset() implements ProfileOp {}

  /** Links the profile to the customer the visitor logged in as. */
  record LinkCustomer(String customerId) implements ProfileOp {}

  /**
   * Folds another profile's visit history in (login merge): visits add up, the earliest first and
   * the latest last visit win, and the current visit's pageviews come with the latest visit.
   */
  record FoldVisits(long visits, Instant firstSeen, Instant lastSeen, long visitPageviews)
      implements ProfileOp {}
}
