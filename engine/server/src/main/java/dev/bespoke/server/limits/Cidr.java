package dev.bespoke.server.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address block ({@code 10.0.0.0/8}, {@code ::1/128}) or a single address. */
record Cidr(byte[] network, int prefix) {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    InetAddress address =
        literal(slash < 0 ? t : t.substring(0, slash))
            .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR: " + text));
    int bits = address.getAddress().length * 8;
    int prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range: " + text);
    }
    return new Cidr(address.getAddress(), prefix);
  }

  /**
   * An IP literal; never a DNS lookup (a name in a header must not make us resolve it). IPv4 mapped
   * into IPv6 is returned as IPv4 by the JDK, so both spellings compare alike.
   */
  static Optional<InetAddress> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (!LITERAL.matcher(t).matches() || !(t.contains(".") || t.contains(":"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }
}
