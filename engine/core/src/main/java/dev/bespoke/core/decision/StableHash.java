package dev.bespoke.core.decision;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A hash that every node, every restart and any client computes the same way: MurmurHash3 x86
 * 32-bit of the UTF-8 text with a fixed seed. Used where a choice must look random across visitors
 * but never change for one visitor.
 */
final class StableHash {

  /** Fixed forever: changing it would move every visitor's stable picks. */
  static final int SEED = 0;

  private StableHash() {}

  /** A non-negative value below {@code bound}. */
  static int bucket(String text, int bound) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long unsigned = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, SEED));
    return (int) (unsigned % bound);
  }
}
