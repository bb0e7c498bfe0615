package dev.bespoke.core.bench;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.decision.SegmentCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed population of request facts, as the server would assemble them, so a benchmark cycles
 * through visitors whose segments differ instead of asking the same question of one visitor (which
 * the branch predictor and the segment memo would make unrealistically cheap).
 */
final class Visitors {

  /** 11:00 on a Tuesday in Amsterdam, so time-of-day rules have something to say. */
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR", "GB", "US", "ES", "LU"};
  private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
  private static final String[] OSES = {"Windows", "iOS", "Android", "macOS", "Linux"};
  private static final String[] BROWSERS = {"Chrome", "Safari", "Firefox", "Edge"};
  private static final String[] REFERRERS = {
    "www.google.com", "www.facebook.com", "news.example.org", "", "t.co", "www.bing.com"
  };
  private static final String[] PATHS = {
    "/", "/shoes/running", "/shoes/trail-runners", "/boots/winter", "/sale", "/account/orders"
  };
  private static final String[] CATEGORIES = {"shoes", "boots", "bags", "socks"};
  private static final String[] TOUCHPOINTS = {"direct", "search", "social", "paid", "email"};

  /** Attributes, behaviour and scores of one visitor, ready to become a context per request. */
  record Facts(
      Map<String, Object> attributes,
      Map<String, Long> pageviewsToday,
      Map<String, Long> pageviewsLastWeek,
      Map<String, Double> scores) {

    VisitorContext context(SegmentCatalog catalog) {
      LocalDate today = NOW.atZone(AMSTERDAM).toLocalDate();
      VisitorContext.Builder b =
          VisitorContext.builder(NOW, AMSTERDAM)
              .attributes(attributes)
              .segmentResolver(catalog.resolver());
      pageviewsToday.forEach((key, count) -> b.behavior(key, today, count));
      pageviewsLastWeek.forEach((key, count) -> b.behavior(key, today.minusDays(5), count));
      scores.forEach(b::score);
      return b.build();
    }
  }

  private Visitors() {}

  /** {@code count} visitors from a fixed seed: the same population on every run. */
  static List<Facts> population(int count) {
    SplittableRandom random = new SplittableRandom(20261124L);
    List<Facts> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> a = new HashMap<>();
      long visits = 1 + random.nextInt(12);
      a.put("channel", random.nextInt(10) < 8 ? "web" : "mobile");
      a.put("device.type", pick(random, DEVICES));
      a.put("device.os", pick(random, OSES));
      a.put("device.browser", pick(random, BROWSERS));
      a.put("geo.country", pick(random, COUNTRIES));
      a.put("geo.region", "R" + random.nextInt(12));
      a.put("locale", random.nextBoolean() ? "nl-NL" : "en-GB");
      a.put("language", ((String) a.get("locale")).substring(0, 2));
      String path = pick(random, PATHS);
      a.put("page.path", path);
      a.put("page.host", "shop.example.com");
      a.put("page.url", "https://shop.example.com" + path + "?ref=" + i);
      String referrer = pick(random, REFERRERS);
      if (!referrer.isEmpty()) {
        a.put("referrer.host", referrer);
      }
      if (random.nextInt(4) == 0) {
        a.put("utm.source", "newsletter");
        a.put("utm.campaign", "winter-" + random.nextInt(3));
      }
      a.put("touchpoint", pick(random, TOUCHPOINTS));
      a.put("visit.count", visits);
      a.put("visit.first", visits == 1);
      a.put("visit.pageviews", (long) random.nextInt(8));
      if (visits > 1) {
        a.put("visit.daysSinceLast", (long) random.nextInt(30));
      }
      boolean loggedIn = random.nextInt(3) == 0;
      a.put("customer.loggedIn", loggedIn);
      if (loggedIn) {
        a.put("customer.tier", random.nextBoolean() ? "gold" : "silver");
        a.put("profile.newsletter", random.nextBoolean());
      }
      Map<String, Long> today = new HashMap<>();
      Map<String, Long> lastWeek = new HashMap<>();
      Map<String, Double> scores = new HashMap<>();
      for (String category : CATEGORIES) {
        if (random.nextInt(3) == 0) {
          today.put("pageview.category." + category, (long) random.nextInt(5));
          lastWeek.put("pageview.category." + category, (long) random.nextInt(5));
          scores.put("category." + category, random.nextDouble() * 20);
        }
      }
      all.add(new Facts(a, today, lastWeek, scores));
    }
    return all;
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
