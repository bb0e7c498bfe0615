package dev.bespoke.server.profile.store.redis;

import dev.bespoke.server.profile.ProfileCaps;
import dev.bespoke.server.profile.ProfileKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis key layout. Every key of one visitor (or customer) carries the hash tag {@code
 * {<space>:<id>}} ({@code {<space>:c:<customerId>}} for customers), so Redis Cluster keeps them in
 * one slot and a script can read the tombstone and write the profile atomically.
 *
 * <pre>
 * bespoke:{space:visitorId}:p          HASH   the visitor's profile, TTL bespoke.profile.ttl
 * bespoke:{space:visitorId}:erased     STRING tombstone after erasure, same TTL
 * bespoke:{space:visitorId}:u          ZSET   ids of applied updates (retries count once), 1 h
 * bespoke:{space:visitorId}:rs         ZSET   score keys by when last raised (for the cap)
 * bespoke:{space:visitorId}:rb:<event> ZSET   day buckets ({@code <key>:<day>}) of one event name
 *                                             by when last counted (for the caps); profile's TTL
 * bespoke:{space:c:customerId}:p       HASH   a logged-in customer's profile
 * bespoke:{space:c:customerId}:traits  HASH   the customer's CRM traits (JSON values)
 * bespoke:{space:c:customerId}:erased  STRING tombstone
 * </pre>
 *
 * Fields of a profile hash: {@code n} visits, {@code fs}/{@code ls} first/last seen (epoch ms),
 * {@code pv} pageviews this visit, {@code c} customer id, {@code cp}/{@code ca}/{@code ck} consent
 * (personalisation, analytics, when), {@code b:<key>:<yyyy-mm-dd>} day counters, {@code s:<key>}
 * scores ({@code <value>@<asOf ms>}), {@code t:<trait>} traits (JSON), {@code x:<experiment>} arm,
 * {@code g:<goal>} first conversion (epoch ms), {@code pd} day last pruned.
 */
public final class RedisKeys {

  public static final String PREFIX = "bespoke:";

  private RedisKeys() {}

  public static String profile(ProfileKey key) {
    return PREFIX + tag(key) + ":p";
  }

  public static String tombstone(ProfileKey key) {
    return PREFIX + tag(key) + ":erased";
  }

  /** The ids of the updates the profile applied, so that a retry is applied once. */
  public static String updateIds(ProfileKey key) {
    return PREFIX + tag(key) + ":u";
  }

  /** The profile's score keys by when each was last raised: what the score cap evicts from. */
  public static String scoreRecency(ProfileKey key) {
    return PREFIX + tag(key) + ":rs";
  }

  /**
   * The profile's day buckets of one event group ({@link ProfileCaps#GROUPS}) by when each was last
   * counted: what the counter caps evict from.
   */
  public static String bucketRecency(ProfileKey key, String group) {
    return PREFIX + tag(key) + ":rb:" + group;
  }

  /** The recency indexes of the caps: the score index first, then one per event group in order. */
  public static List<String> recencyKeys(ProfileKey key) {
    List<String> keys = new ArrayList<>(1 + ProfileCaps.GROUPS.size());
    keys.add(scoreRecency(key));
    ProfileCaps.GROUPS.forEach(group -> keys.add(bucketRecency(key, group)));
    return keys;
  }

  /** The CRM traits of a customer key; meaningless for a visitor key. */
  public static String customerTraits(ProfileKey key) {
    return PREFIX + tag(key) + ":traits";
  }

  /** Every data key of the subject (not the tombstone): what erasure deletes. */
  public static List<String> dataKeys(ProfileKey key) {
    List<String> keys = new ArrayList<>(List.of(profile(key), updateIds(key)));
    keys.addAll(recencyKeys(key));
    if (key.isCustomer()) {
      keys.add(customerTraits(key));
    }
    return keys;
  }

  static String tag(ProfileKey key) {
    String subject = key.isCustomer() ? "c:" + key.id() : key.id();
    return "{" + key.space() + ":" + subject + "}";
  }
}
