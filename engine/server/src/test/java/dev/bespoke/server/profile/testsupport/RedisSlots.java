package dev.bespoke.server.profile.testsupport;

import java.nio.charset.StandardCharsets;

/**
 * The Redis Cluster hash slot of a key, as the cluster specification defines it: CRC16 (XMODEM) of
 * the key, or of its hash tag (the text between the first {@code {} and the next {@code }}, when
 * not empty), modulo 16384. Keys in one slot can be used together by one command or script.
 */
public final class RedisSlots {

  public static final int SLOTS = 16384;

  private RedisSlots() {}

  public static int of(String key) {
    String hashed = key;
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        hashed = key.substring(open + 1, close);
      }
    }
    return crc16(hashed.getBytes(StandardCharsets.UTF_8)) % SLOTS;
  }

  private static int crc16(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xff) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xffff;
    }
    return crc;
  }
}
