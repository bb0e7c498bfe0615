package dev.bespoke.cms.client;

/**
 * How an event batch went. Events are best effort: a page never waits for them or fails on them.
 *
 * @param accepted how many events Bespoke accepted (0 when not delivered)
 * @param delivered true when Bespoke answered 202
 * @param failureReason why the batch was not delivered, else {@code null}
 */
public record Tracked(int accepted, boolean delivered, String failureReason) {

  static Tracked failed(String reason) {
    return new Tracked(0, false, reason);
  }
}
