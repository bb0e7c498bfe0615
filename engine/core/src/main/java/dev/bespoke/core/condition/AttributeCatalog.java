package dev.bespoke.core.condition;

import static dev.bespoke.core.condition.Operator.BETWEEN;
import static dev.bespoke.core.condition.Operator.CONTAINS;
import static dev.bespoke.core.condition.Operator.ENDS_WITH;
import static dev.bespoke.core.condition.Operator.EQ;
import static dev.bespoke.core.condition.Operator.EXISTS;
import static dev.bespoke.core.condition.Operator.GT;
import static dev.bespoke.core.condition.Operator.GTE;
import static dev.bespoke.core.condition.Operator.IN;
import static dev.bespoke.core.condition.Operator.LT;
import static dev.bespoke.core.condition.Operator.LTE;
import static dev.bespoke.core.condition.Operator.MATCHES;
import static dev.bespoke.core.condition.Operator.NEQ;
import static dev.bespoke.core.condition.Operator.NOT_EXISTS;
import static dev.bespoke.core.condition.Operator.NOT_IN;
import static dev.bespoke.core.condition.Operator.STARTS_WITH;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed catalogue of attributes a rule may test: its type, what it means and the operators that
 * fit. The parser checks rules against it and the console's segment builder offers it.
 *
 * <p>The catalogue is closed on purpose: an attribute path is looked up here and then read from a
 * {@link dev.bespoke.core.context.VisitorContext} by name, never resolved by reflection, so a rule
 * cannot reach anything the server did not put in the context.
 */
public final class AttributeCatalog {

  /** Operators for text attributes. */
  public static final Set<Operator> STRING_OPERATORS =
      Set.copyOf(
          EnumSet.of(
              EQ, NEQ, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES, EXISTS, NOT_EXISTS));

  /** Operators for numbers and dates: equality, lists, order. */
  public static final Set<Operator> ORDERED_OPERATORS =
      Set.copyOf(EnumSet.of(EQ, NEQ, IN, NOT_IN, GT, GTE, LT, LTE, BETWEEN, EXISTS, NOT_EXISTS));

  /** Operators for booleans. */
  public static final Set<Operator> BOOLEAN_OPERATORS =
      Set.copyOf(EnumSet.of(EQ, NEQ, EXISTS, NOT_EXISTS));

  /** Operators for the open families ({@code customer.*}, {@code profile.*}, {@code request.*}). */
  public static final Set<Operator> ANY_OPERATORS =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(Operator.IN_SEGMENT)));

  private static final Map<String, AttributeSpec> EXACT = new LinkedHashMap<>();
  private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();
  private static final Set<String> NAMESPACES = new LinkedHashSet<>();
  private static final List<AttributeSpec> ALL;

  /**
   * A family is a namespace whose remaining path names something open (a claim, a trait, an event).
   * {@code minParts} counts the dot-separated parts after the namespace; the last part takes any
   * further dots, so values such as {@code shoes.v2} stay usable.
   */
  private record Family(AttributeSpec spec, int minParts, String shape) {}

  static {
    text("channel", "Delivery channel the request names, e.g. web, mobile, email.", false);
    closed(
        "device.type",
        "Device class from the User-Agent or client hints.",
        List.of("desktop", "mobile", "tablet", "tv", "bot"));
    text("device.os", "Operating system family, e.g. iOS, Android, Windows.", true);
    text("device.browser", "Browser family, e.g. Chrome, Safari, Firefox.", true);
    text("geo.country", "ISO 3166-1 alpha-2 country code, e.g. NL.", true);
    text("geo.region", "Region or state code within the country.", false);
    text("locale", "The request's locale as a BCP 47 tag, e.g. nl-NL.", true);
    text("language", "The locale's ISO 639 language code, e.g. nl.", true);
    text("page.url", "The full URL of the page being rendered.", false);
    text("page.path", "The path of the page URL, e.g. /shoes/running.", false);
    text("page.host", "The host of the page URL.", false);
    family(
        "score",
        1,
        number(
            "score.<property>.<value>",
            "Interest score for a property value (decays over time); 0 when never seen.",
            false),
        "score.<property>.<value>");
    text("referrer.host", "Host of the referring page, e.g. www.google.com.", false);
    for (String utm : List.of("source", "medium", "campaign", "term", "content")) {
      text("utm." + utm, "The utm_" + utm + " parameter of the page URL.", false);
    }
    closed(
        "touchpoint",
        "How the visitor arrived, classified from referrer and UTM parameters.",
        List.of("direct", "search", "social", "email", "paid", "referral"));
    add(number("visit.count", "Number of visits including this one.", false));
    add(bool("visit.first", "Whether this is the visitor's first visit."));
    add(number("visit.pageviews", "Page views in the current visit.", false));
    add(number("visit.daysSinceLast", "Whole days since the previous visit.", false));
    family(
        "behavior",
        2,
        number(
            "behavior.<event>.<property>.<value>",
            "How many times the event with that property value happened; 0 when never. "
                + "Takes within, e.g. P30D.",
            true),
        "behavior.<event>.<property>.<value>");
    add(bool("customer.loggedIn", "Whether the request carries a valid session."));
    family(
        "customer",
        0,
        open("customer.<claim>", "A claim of the logged-in customer's session token."),
        "customer.<claim>");
    family(
        "profile",
        0,
        open("profile.<trait>", "A stored trait: CRM import or the visitor's own preferences."),
        "profile.<trait>");
    family(
        "request",
        0,
        open("request.<trait>", "A trait sent with this request in the traits object."),
        "request.<trait>");
    add(number("time.hour", "Hour of day 0-23 in the space's time zone.", false));
    add(
        number(
            "time.dayOfWeek",
            "ISO day of week 1 (Monday) to 7 (Sunday), or its name such as MONDAY.",
            false));
    add(
        new AttributeSpec(
            "time.date",
            AttributeType.DATE,
            "Today's date in the space's time zone, written yyyy-MM-dd.",
            ORDERED_OPERATORS,
            List.of(),
            false,
            false));
    add(bool("consent.personalization", "Whether the visitor consented to personalisation."));

    List<AttributeSpec> all = new java.util.ArrayList<>(EXACT.values());
    // Families after exact names so customer.loggedIn precedes customer.<claim> in listings.
    FAMILIES.values().forEach(f -> all.add(f.spec()));
    ALL = List.copyOf(all);
  }

  private AttributeCatalog() {}

  /** Every attribute and family, in the order the console lists them. */
  public static List<AttributeSpec> all() {
    return ALL;
  }

  /** The namespaces (first path part) a rule may use, e.g. {@code geo}, {@code behavior}. */
  public static Set<String> namespaces() {
    return Set.copyOf(NAMESPACES);
  }

  /** The entry that governs {@code attribute}, resolving families; empty when unknown. */
  public static Optional<AttributeSpec> find(String attribute) {
    return resolve(attribute).spec();
  }

  /** Resolution with a reason when it fails, for error messages. */
  record Resolution(Optional<AttributeSpec> spec, String problem) {}

  static Resolution resolve(String attribute) {
    AttributeSpec exact = EXACT.get(attribute);
    if (exact != null) {
      return new Resolution(Optional.of(exact), null);
    }
    int dot = attribute.indexOf('.');
    String namespace = dot < 0 ? attribute : attribute.substring(0, dot);
    if (!NAMESPACES.contains(namespace)) {
      return failed("unknown attribute namespace \"" + Texts.quote(namespace) + "\"");
    }
    Family family = FAMILIES.get(namespace);
    if (family == null) {
      return failed("unknown attribute \"" + Texts.quote(attribute) + "\"");
    }
    String rest = dot < 0 ? "" : attribute.substring(dot + 1);
    if (!wellFormed(rest, family.minParts())) {
      return failed("\"" + Texts.quote(attribute) + "\" does not have the form " + family.shape());
    }
    return new Resolution(Optional.of(family.spec()), null);
  }

  /** Non-empty parts, at least {@code minParts + 1} of them. */
  private static boolean wellFormed(String rest, int minParts) {
    if (rest.isEmpty()) {
      return false;
    }
    String[] parts = rest.split("\\.", minParts + 1);
    if (parts.length < minParts + 1) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.startsWith(".") || part.endsWith(".") || part.contains("..")) {
        return false;
      }
    }
    return true;
  }

  private static Resolution failed(String problem) {
    return new Resolution(Optional.empty(), problem);
  }

  private static void text(String name, String description, boolean caseInsensitive) {
    add(
        new AttributeSpec(
            name,
            AttributeType.STRING,
            description,
            STRING_OPERATORS,
            List.of(),
            caseInsensitive,
            false));
  }

  private static void closed(String name, String description, List<String> values) {
    boolean caseInsensitive = name.startsWith("device.");
    add(
        new AttributeSpec(
            name,
            AttributeType.STRING,
            description + " One of " + String.join(", ", values) + ".",
            STRING_OPERATORS,
            values,
            caseInsensitive,
            false));
  }

  private static AttributeSpec number(String name, String description, boolean windowed) {
    return new AttributeSpec(
        name, AttributeType.NUMBER, description, ORDERED_OPERATORS, List.of(), false, windowed);
  }

  private static AttributeSpec bool(String name, String description) {
    return new AttributeSpec(
        name, AttributeType.BOOLEAN, description, BOOLEAN_OPERATORS, List.of(), false, false);
  }

  private static AttributeSpec open(String name, String description) {
    return new AttributeSpec(
        name, AttributeType.ANY, description, ANY_OPERATORS, List.of(), false, false);
  }

  private static void add(AttributeSpec spec) {
    EXACT.put(spec.name(), spec);
    NAMESPACES.add(namespaceOf(spec.name()));
  }

  private static void family(String namespace, int minParts, AttributeSpec spec, String shape) {
    FAMILIES.put(namespace, new Family(spec, minParts, shape));
    NAMESPACES.add(namespace);
  }

  private static String namespaceOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
