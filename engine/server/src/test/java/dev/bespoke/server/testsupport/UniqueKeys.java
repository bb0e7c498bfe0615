package dev.bespoke.server.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys no other test (or earlier run on the same PostgreSQL database) has used, so tests can run in
 * any order against a database that keeps its rows.
 */
public final class UniqueKeys {

  private UniqueKeys() {}

  public static String unique(String prefix) {
    long n = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36);
    return prefix + "-" + Long.toString(n, 36);
  }
}
