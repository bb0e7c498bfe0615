package dev.bespoke.server.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookies of one request, read from its raw {@code Cookie} headers as RFC 6265 (§4.2, §5.4) has
 * browsers send them: {@code name=value} pairs separated by {@code ;}. Every delivery, events and
 * {@code /me} request reads its cookies here.
 *
 * <p>JAX-RS's own cookie parsing follows the older RFC 2109 grammar and also splits on {@code ,},
 * which cuts a {@code bespoke_consent=a:0,p:0} value after its first pair; a value is therefore
 * everything after the first {@code =} up to the next {@code ;}. Names and values are trimmed and
 * one pair of surrounding double quotes is dropped. When a name occurs twice the first wins: a
 * browser sends the cookie with the longer path first, which is the more specific one.
 */
public final class RequestCookies {

  public static final String HEADER = "Cookie";

  /** Browsers keep at most 180 cookies per domain; more than this is not a browser. */
  static final int MAX_COOKIES = 256;

  private RequestCookies() {}

  /** The cookies of the request's {@code Cookie} headers (HTTP/2 may send several). */
  public static Map<String, String> of(Headers headers) {
    return parse(headers.all(HEADER));
  }

  /** The cookies in the given {@code Cookie} header values, by name, first occurrence kept. */
  public static Map<String, String> parse(List<String> headerValues) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headerValues) {
      if (header == null) {
        continue;
      }
      for (String pair : header.split(";")) {
        if (cookies.size() >= MAX_COOKIES) {
          return Collections.unmodifiableMap(cookies);
        }
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = pair.substring(0, eq).strip();
        if (!name.isEmpty()) {
          cookies.putIfAbsent(name, unquoted(pair.substring(eq + 1).strip()));
        }
      }
    }
    return Collections.unmodifiableMap(cookies);
  }

  private static String unquoted(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
