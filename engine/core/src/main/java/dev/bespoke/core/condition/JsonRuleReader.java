package dev.bespoke.core.condition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads rule JSON into a tree with a streaming parser and an explicit stack, so neither a deep
 * document nor a huge list can exhaust the stack or the heap.
 *
 * <p>Strict JSON only: the factory's defaults reject comments, NaN and single quotes; duplicate
 * keys are an error rather than last-one-wins, because a rule that says {@code "op":"eq","op":"in"}
 * means something different to every reader. There is no {@code ObjectMapper} here at all, so no
 * default typing or {@code @class} handling can ever be switched on: such keys are just unknown
 * fields to the validator.
 */
final class JsonRuleReader {

  /**
   * Elements kept per array. One more than any limit needs, so the validator still sees that a list
   * is too long while the rest of a million-element list is skipped without being stored.
   */
  static final int KEPT_ARRAY_ELEMENTS = Limits.MAX_LIST_VALUES + 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Limits.MAX_JSON_NESTING)
                  // Strings past the rule limit are still read (to report them with a path), but
                  // not without bound.
                  .maxStringLength(64 * 1024)
                  .maxNameLength(1024)
                  .maxNumberLength(1_000)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonRuleReader() {}

  static JsonNode read(String json) {
    if (json == null) {
      throw new ConditionException(new RuleError(RuleReader.ROOT, "a rule is required"));
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonNode root = readValue(parser);
      if (root == null) {
        throw new ConditionException(new RuleError(RuleReader.ROOT, "a rule is required"));
      }
      if (parser.nextToken() != null) {
        throw new ConditionException(
            new RuleError(RuleReader.ROOT, "unexpected content after the rule"));
      }
      return root;
    } catch (StreamConstraintsException e) {
      String message = limitMessage(e);
      // A nesting path would be dozens of [0].all[0]: the root says enough there.
      String path = message.contains("nested") ? RuleReader.ROOT : pathOf(e.getProcessor());
      throw new ConditionException(new RuleError(path, message));
    } catch (JsonProcessingException e) {
      throw new ConditionException(new RuleError(pathOf(e.getProcessor()), syntaxMessage(e)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading from a String failed", e);
    }
  }

  private static JsonNode readValue(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return null;
    }
    if (!first.isStructStart()) {
      return scalar(parser, first);
    }
    ContainerNode<?> root =
        first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    open.push(root);
    while (!open.isEmpty()) {
      JsonToken token = parser.nextToken();
      ContainerNode<?> top = open.peek();
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      String name = null;
      if (token == JsonToken.FIELD_NAME) {
        name = parser.currentName();
        token = parser.nextToken();
      }
      if (top instanceof ArrayNode array && array.size() >= KEPT_ARRAY_ELEMENTS) {
        skipRestOfArray(parser, token);
        open.pop();
        continue;
      }
      JsonNode child;
      if (token == JsonToken.START_OBJECT) {
        child = NODES.objectNode();
        open.push((ContainerNode<?>) child);
      } else if (token == JsonToken.START_ARRAY) {
        child = NODES.arrayNode();
        open.push((ContainerNode<?>) child);
      } else {
        child = scalar(parser, token);
      }
      if (top instanceof ObjectNode object) {
        object.set(name, child);
      } else {
        ((ArrayNode) top).add(child);
      }
    }
    return root;
  }

  /** Skips from the current element to the array's end, keeping nothing. */
  private static void skipRestOfArray(JsonParser parser, JsonToken current) throws IOException {
    JsonToken token = current;
    while (token != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IllegalStateException("the parser ended inside an array");
      }
      parser.skipChildren();
      token = parser.nextToken();
    }
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      // As a decimal, not a double: 1e309 would otherwise arrive as Infinity, and a huge exponent
      // must be reported as out of range rather than silently rounded.
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("unexpected token " + token);
    };
  }

  private static String limitMessage(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("depth")) {
      return "rule nested deeper than " + Limits.MAX_JSON_NESTING + " JSON levels";
    }
    if (message.startsWith("String value length")) {
      return "string far longer than " + Limits.MAX_STRING_LENGTH + " characters";
    }
    if (message.startsWith("Number value length")) {
      return "number with too many digits";
    }
    if (message.startsWith("Name length")) {
      return "field name too long";
    }
    return "rule exceeds a size limit";
  }

  /**
   * Jackson's message without its advice to enable lenient features (which Bespoke never does),
   * shortened, with where in the text it happened.
   */
  private static String syntaxMessage(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Duplicate field '")) {
      String name = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
      return "duplicate key \"" + Texts.quote(name) + "\"";
    }
    String message = original.split("\n", 2)[0];
    for (String advice :
        new String[] {
          ": enable ", " (not recognized", ": was expecting", " (start marker", ": expected a valid"
        }) {
      int at = message.indexOf(advice);
      if (at > 0) {
        message = message.substring(0, at);
      }
    }
    if (message.length() > 160) {
      message = message.substring(0, 160) + "...";
    }
    message = message.replaceAll("\\p{Cntrl}", "?");
    var where = e.getLocation();
    return "not valid JSON: "
        + message
        + (where == null
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
  }

  /** The rule path of where the parser stopped, e.g. {@code rule.all[2].op}. */
  private static String pathOf(Object processor) {
    if (!(processor instanceof JsonParser parser)) {
      return RuleReader.ROOT;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null; ctx = ctx.getParent()) {
      if (ctx.inArray()) {
        parts.push("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
      } else if (ctx.inObject() && ctx.getCurrentName() != null) {
        parts.push("." + Texts.quote(ctx.getCurrentName()));
      }
      if (parts.size() > Limits.MAX_JSON_NESTING) {
        return RuleReader.ROOT;
      }
    }
    return RuleReader.ROOT + String.join("", parts);
  }
}
