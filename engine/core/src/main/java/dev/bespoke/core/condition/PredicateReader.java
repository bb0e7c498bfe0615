package dev.bespoke.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks one predicate node: attribute, operator, value shape, value types, window. */
final class PredicateReader {
  private static final Set<String> FIELDS = Set.of("attr", "op", "value", "within");

  /** The admin API's key pattern (API.md): segment keys are plain data, never paths. */
  static final Pattern SEGMENT_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final RuleReader rule;

  PredicateReader(RuleReader rule) {
    this.rule = rule;
  }

  Predicate read(JsonNode node, String path) {
    boolean ok = true;
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        rule.unknownField(path, name);
        ok = false;
      }
    }
    Operator op = operator(node.get("op"), path + ".op");
    if (op == Operator.IN_SEGMENT) {
      return inSegment(node, path, ok);
    }
    AttributeSpec spec = attribute(node.get("attr"), path + ".attr");
    String attr = spec == null ? null : node.get("attr").textValue();
    if (op != null && spec != null && !spec.operators().contains(op)) {
      rule.error(
          path + ".op",
          "operator \""
              + op.wireName()
              + "\" does not apply to "
              + typeName(spec.type())
              + " attribute \""
              + Texts.quote(attr)
              + "\"");
      op = null;
    }
    Duration within = within(node.get("within"), path + ".within", spec);
    ok &= op != null && spec != null && (within != null || !node.has("within"));
    Operand operand = op == null || spec == null ? null : operand(node, path, op, spec, attr);
    return ok && operand != null ? new Predicate(attr, op, operand, within) : null;
  }

  private Predicate inSegment(JsonNode node, String path, boolean ok) {
    if (node.has("attr")) {
      rule.error(path + ".attr", "inSegment names a segment in value and takes no attr");
      ok = false;
    }
    if (node.has("within")) {
      rule.error(path + ".within", "within applies only to behavior.* attributes");
      ok = false;
    }
    Value key = scalar(node.get("value"), path + ".value", Kind.SEGMENT_KEY, null);
    return ok && key != null
        ? new Predicate(null, Operator.IN_SEGMENT, new Operand.One(key), null)
        : null;
  }

  private Operator operator(JsonNode node, String path) {
    if (node == null) {
      rule.error(path, "op is required");
      return null;
    }
    if (!node.isTextual()) {
      rule.error(path, "op is a string, got " + describe(node));
      return null;
    }
    Optional<Operator> op = Operator.fromWireName(node.textValue());
    if (op.isEmpty()) {
      rule.error(path, "unknown operator \"" + Texts.quote(node.textValue()) + "\"");
      return null;
    }
    return op.get();
  }

  private AttributeSpec attribute(JsonNode node, String path) {
    if (node == null) {
      rule.error(path, "attr is required");
      return null;
    }
    if (!node.isTextual()) {
      rule.error(path, "attr is a string, got " + describe(node));
      return null;
    }
    String attr = node.textValue();
    if (attr.length() > Limits.MAX_STRING_LENGTH) {
      rule.error(path, "attr is longer than " + Limits.MAX_STRING_LENGTH + " characters");
      return null;
    }
    if (attr.chars().anyMatch(Character::isISOControl)) {
      rule.error(path, "attr contains control characters");
      return null;
    }
    AttributeCatalog.Resolution resolution = AttributeCatalog.resolve(attr);
    if (resolution.spec().isEmpty()) {
      rule.error(path, resolution.problem());
      return null;
    }
    return resolution.spec().get();
  }

  private Duration within(JsonNode node, String path, AttributeSpec spec) {
    if (node == null) {
      return null;
    }
    if (spec != null && !spec.windowed()) {
      rule.error(path, "within applies only to behavior.* attributes");
      return null;
    }
    if (!node.isTextual()) {
      rule.error(path, "within is an ISO-8601 duration string such as P30D, got " + describe(node));
      return null;
    }
    try {
      return Windows.parse(node.textValue());
    } catch (IllegalArgumentException e) {
      rule.error(path, e.getMessage());
      return null;
    }
  }

  private Operand operand(
      JsonNode node, String path, Operator op, AttributeSpec spec, String attr) {
    JsonNode value = node.get("value");
    String valuePath = path + ".value";
    Kind kind = Kind.of(op, spec.type());
    return switch (op.arity()) {
      case NONE -> {
        if (value != null) {
          rule.error(valuePath, op.wireName() + " takes no value");
          yield null;
        }
        yield new Operand.None();
      }
      case ONE -> {
        Value one = scalar(value, valuePath, kind, new Target(op, spec, attr));
        yield one == null ? null : new Operand.One(one);
      }
      case LIST -> list(value, valuePath, kind, new Target(op, spec, attr));
      case RANGE -> range(value, valuePath, kind, new Target(op, spec, attr));
    };
  }

  private Operand list(JsonNode value, String path, Kind kind, Target target) {
    String name = target.op().wireName();
    if (value == null) {
      rule.error(path, name + " needs a value: an array of values");
      return null;
    }
    if (!value.isArray()) {
      rule.error(path, name + " takes an array of values, got " + describe(value));
      return null;
    }
    if (value.isEmpty()) {
      rule.error(path, name + " needs at least one value");
      return null;
    }
    if (value.size() > Limits.MAX_LIST_VALUES) {
      rule.error(path, name + " takes at most " + Limits.MAX_LIST_VALUES + " values");
      return null;
    }
    List<Value> values = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      Value v = scalar(value.get(i), path + "[" + i + "]", kind, target);
      if (v != null) {
        values.add(v);
      }
    }
    return values.size() == value.size() ? new Operand.Many(values) : null;
  }

  private Operand range(JsonNode value, String path, Kind kind, Target target) {
    if (value == null || !value.isArray() || value.size() != 2) {
      String got = value != null && value.isArray() ? value.size() + " values" : describe(value);
      rule.error(path, "between takes an array of two values [low, high], got " + got);
      return null;
    }
    Value low = scalar(value.get(0), path + "[0]", kind, target);
    Value high = scalar(value.get(1), path + "[1]", kind, target);
    if (low == null || high == null) {
      return null;
    }
    if (Values.compare(low, high) > 0) {
      rule.error(path, "between needs low <= high, got [" + low + ", " + high + "]");
      return null;
    }
    return new Operand.Range(low, high);
  }

  /** What a predicate's value is checked against; {@code null} for {@code inSegment}. */
  private record Target(Operator op, AttributeSpec spec, String attr) {}

  private Value scalar(JsonNode node, String path, Kind kind, Target target) {
    if (node == null) {
      rule.error(path, "value is required");
      return null;
    }
    try {
      Value value = Values.read(node, kind, target == null ? null : target.attr());
      if (target != null) {
        value = Values.checkForAttribute(value, target.attr(), target.spec(), target.op());
      }
      return value;
    } catch (IllegalArgumentException e) {
      rule.error(path, e.getMessage());
      return null;
    }
  }

  static String typeName(AttributeType type) {
    return switch (type) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case ANY -> "open";
    };
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
