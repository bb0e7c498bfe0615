package dev.bespoke.server.profile.store.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.Consent;
import dev.bespoke.server.profile.Profile;
import dev.bespoke.server.profile.Score;
import dev.bespoke.server.profile.Traits;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Reads a profile hash ({@link RedisKeys} lists the fields). A field it cannot read is skipped and
 * logged by name only: one damaged counter must not cost the visitor the whole profile.
 */
final class ProfileDecoder {

  private static final Logger LOG = Logger.getLogger(ProfileDecoder.class);
  private static final int DAY_LENGTH = 10;

  private final ObjectMapper json;

  ProfileDecoder(ObjectMapper json) {
    this.json = json;
  }

  Profile decode(String id, Map<String, String> hash) {
    Map<String, Map<LocalDate, Long>> counters = new HashMap<>();
    Map<String, Score> scores = new HashMap<>();
    Map<String, Object> traits = new HashMap<>();
    Map<String, String> assignments = new HashMap<>();
    Map<String, Instant> conversions = new HashMap<>();
    for (Map.Entry<String, String> field : hash.entrySet()) {
      String name = field.getKey();
      String value = field.getValue();
      try {
        if (name.startsWith("b:")) {
          int split = name.length() - DAY_LENGTH - 1;
          counters
              .computeIfAbsent(name.substring(2, split), k -> new TreeMap<>())
              .put(day(name, split + 1), Long.parseLong(value));
        } else if (name.startsWith("s:")) {
          int at = value.indexOf('@');
          scores.put(
              name.substring(2),
              new Score(
                  Double.parseDouble(value.substring(0, at)),
                  Instant.ofEpochMilli(Long.parseLong(value.substring(at + 1)))));
        } else if (name.startsWith("t:")) {
          traits.put(name.substring(2), fromJson(value));
        } else if (name.startsWith("x:")) {
          assignments.put(name.substring(2), value);
        } else if (name.startsWith("g:")) {
          conversions.put(name.substring(2), Instant.ofEpochMilli(Long.parseLong(value)));
        }
      } catch (RuntimeException | IOException e) {
        LOG.warnf("skipped an unreadable profile field of kind %s", name.substring(0, 2));
      }
    }
    return new Profile(
        id,
        hash.get("c"),
        number(hash.get("n")),
        instant(hash.get("fs")),
        instant(hash.get("ls")),
        number(hash.get("pv")),
        counters,
        scores,
        Traits.normalise(traits),
        consent(hash),
        assignments,
        conversions);
  }

  Map<String, Object> traits(Map<String, String> hash) {
    Map<String, Object> traits = new HashMap<>();
    hash.forEach(
        (name, value) -> {
          try {
            traits.put(name, fromJson(value));
          } catch (IOException | RuntimeException e) {
            LOG.warn("skipped an unreadable customer trait");
          }
        });
    return Traits.normalise(traits);
  }

  private Object fromJson(String value) throws IOException {
    return json.readValue(value, Object.class);
  }

  private static Consent consent(Map<String, String> hash) {
    String p = hash.get("cp");
    if (p == null) {
      return null;
    }
    Instant at = instant(hash.get("ck"));
    return new Consent("1".equals(p), "1".equals(hash.get("ca")), at == null ? Instant.EPOCH : at);
  }

  private static long number(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant instant(String millis) {
    try {
      return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The {@code yyyy-MM-dd} day at {@code from}: read digit by digit because {@code LocalDate.parse}
   * and its formatter were a tenth of decoding a profile on every request.
   */
  static LocalDate day(String name, int from) {
    if (name.length() - from != 10
        || name.charAt(from + 4) != '-'
        || name.charAt(from + 7) != '-') {
      return LocalDate.parse(name.substring(from)); // throws the usual parse error
    }
    return LocalDate.of(
        digits(name, from, from + 4),
        digits(name, from + 5, from + 7),
        digits(name, from + 8, from + 10));
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new java.time.format.DateTimeParseException("not a day", text, i);
      }
      value = value * 10 + d;
    }
    return value;
  }
}
