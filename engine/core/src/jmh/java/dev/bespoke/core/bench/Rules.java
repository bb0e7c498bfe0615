package dev.bespoke.core.bench;

import dev.bespoke.core.condition.CompiledCondition;
import dev.bespoke.core.condition.Condition;
import dev.bespoke.core.condition.ConditionCompiler;
import dev.bespoke.core.condition.ConditionParser;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rules as editors write them, parsed and compiled the way a publish does. */
final class Rules {

  /**
   * One rule per operator, each on an attribute of a kind that operator serves (text, closed text,
   * number, counter with a window, score, boolean, open claim), plus the compound forms.
   */
  static final Map<String, String> BY_OPERATOR = new LinkedHashMap<>();

  /**
   * Twenty segments mixing every attribute kind, a few nested and two built on other segments, as a
   * real space has them.
   */
  static final Map<String, String> SEGMENTS = new LinkedHashMap<>();

  static {
    BY_OPERATOR.put("eq", rule("geo.country", "eq", "\"NL\""));
    BY_OPERATOR.put("neq", rule("device.type", "neq", "\"tablet\""));
    BY_OPERATOR.put("in", rule("geo.country", "in", "[\"NL\",\"BE\",\"LU\",\"DE\",\"FR\"]"));
    BY_OPERATOR.put("notIn", rule("touchpoint", "notIn", "[\"paid\",\"email\"]"));
    BY_OPERATOR.put("contains", rule("page.url", "contains", "\"/shoes/\""));
    BY_OPERATOR.put("startsWith", rule("page.path", "startsWith", "\"/boots\""));
    BY_OPERATOR.put("endsWith", rule("referrer.host", "endsWith", "\"google.com\""));
    BY_OPERATOR.put("matches", rule("page.path", "matches", "\"^/(shoes|boots)/[a-z-]+$\""));
    BY_OPERATOR.put("gt", rule("visit.count", "gt", "2"));
    BY_OPERATOR.put(
        "gte",
        "{\"attr\":\"behavior.pageview.category.shoes\",\"op\":\"gte\",\"value\":3,"
            + "\"within\":\"P30D\"}");
    BY_OPERATOR.put("lt", rule("visit.daysSinceLast", "lt", "7"));
    BY_OPERATOR.put("lte", rule("score.category.boots", "lte", "10.5"));
    BY_OPERATOR.put("between", rule("time.hour", "between", "[9,17]"));
    BY_OPERATOR.put("exists", "{\"attr\":\"utm.campaign\",\"op\":\"exists\"}");
    BY_OPERATOR.put("notExists", "{\"attr\":\"customer.tier\",\"op\":\"notExists\"}");
    BY_OPERATOR.put(
        "all3",
        "{\"all\":["
            + rule("geo.country", "in", "[\"NL\",\"BE\"]")
            + ","
            + rule("visit.count", "gte", "2")
            + ","
            + rule("device.type", "eq", "\"mobile\"")
            + "]}");
    BY_OPERATOR.put(
        "anyNot",
        "{\"any\":[{\"not\":"
            + rule("channel", "eq", "\"web\"")
            + "},"
            + rule("customer.loggedIn", "eq", "true")
            + "]}");

    SEGMENTS.put("benelux", rule("geo.country", "in", "[\"NL\",\"BE\",\"LU\"]"));
    SEGMENTS.put("dach", rule("geo.country", "in", "[\"DE\",\"AT\",\"CH\"]"));
    SEGMENTS.put("uk", rule("geo.country", "eq", "\"GB\""));
    SEGMENTS.put("mobile-users", rule("device.type", "eq", "\"mobile\""));
    SEGMENTS.put("tablet-users", rule("device.type", "eq", "\"tablet\""));
    SEGMENTS.put("apple", rule("device.os", "in", "[\"iOS\",\"macOS\"]"));
    SEGMENTS.put("returning-visitor", rule("visit.count", "gte", "2"));
    SEGMENTS.put("first-visit", rule("visit.first", "eq", "true"));
    SEGMENTS.put("lapsed", rule("visit.daysSinceLast", "gt", "14"));
    SEGMENTS.put(
        "shoe-fan",
        "{\"attr\":\"behavior.pageview.category.shoes\",\"op\":\"gte\",\"value\":3,"
            + "\"within\":\"P30D\"}");
    SEGMENTS.put("boot-lover", rule("score.category.boots", "gte", "8"));
    SEGMENTS.put("facebook-ad", rule("referrer.host", "endsWith", "\"facebook.com\""));
    SEGMENTS.put("from-search", rule("touchpoint", "eq", "\"search\""));
    SEGMENTS.put("newsletter-reader", rule("utm.source", "eq", "\"newsletter\""));
    SEGMENTS.put("running-pages", rule("page.path", "matches", "\"^/shoes/(running|trail)\""));
    SEGMENTS.put("gold-customer", rule("customer.tier", "eq", "\"gold\""));
    SEGMENTS.put("office-hours", rule("time.hour", "between", "[9,17]"));
    SEGMENTS.put("logged-in", rule("customer.loggedIn", "eq", "true"));
    SEGMENTS.put(
        "benelux-returning",
        "{\"all\":[{\"op\":\"inSegment\",\"value\":\"benelux\"},"
            + "{\"op\":\"inSegment\",\"value\":\"returning-visitor\"}]}");
    SEGMENTS.put(
        "engaged-mobile",
        "{\"all\":[{\"op\":\"inSegment\",\"value\":\"mobile-users\"},{\"any\":["
            + rule("visit.pageviews", "gte", "3")
            + ","
            + rule("score.category.shoes", "gt", "5")
            + "]}]}");
  }

  private Rules() {}

  static Map<String, Condition> parseAll(Map<String, String> rules) {
    ConditionParser parser = new ConditionParser();
    Map<String, Condition> parsed = new LinkedHashMap<>();
    rules.forEach((key, json) -> parsed.put(key, parser.parse(json)));
    return parsed;
  }

  static CompiledCondition compile(String json) {
    return new ConditionCompiler().compile(new ConditionParser().parse(json));
  }

  private static String rule(String attr, String op, String value) {
    return "{\"attr\":\"" + attr + "\",\"op\":\"" + op + "\",\"value\":" + value + "}";
  }
}
