package dev.bespoke.server.context.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a textual IP address without ever touching DNS.
 *
 * <p>{@link InetAddress#getByName} resolves anything that is not a literal, so a remote address
 * such as {@code evil.example} would turn a request into a DNS lookup. Only dotted-quad IPv4 and
 * strings with a colon (which the JDK parses as IPv6 literals and never resolves) get through.
 */
final class IpLiteral {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiteral() {}

  static Optional<InetAddress> parse(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    boolean literal =
        IPV4.matcher(s).matches() || (s.indexOf(':') >= 0 && IPV6.matcher(s).matches());
    if (!literal) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
