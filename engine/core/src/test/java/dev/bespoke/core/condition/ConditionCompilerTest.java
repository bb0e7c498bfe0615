package dev.bespoke.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.core.context.VisitorContext;
import dev.bespoke.core.testsupport.Contexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditions built in code, and segments resolved through compiled rules. */
class ConditionCompilerTest {
  private final ConditionParser parser = new ConditionParser();
  private final ConditionCompiler compiler = new ConditionCompiler();

  private static final Predicate WEB =
      new Predicate("channel", Operator.EQ, new Operand.One(new Value.Text("web")), null);

  @Test
  void handBuiltTreesCannotExceedTheDepthLimit() {
    Condition c = WEB;
    for (int i = 1; i < Limits.MAX_DEPTH; i++) {
      c = new Not(c);
    }
    Condition sixteen = c;
    assertThat(compiler.compile(sixteen).test(Contexts.now().attribute("channel", "web").build()))
        .isFalse();

    assertThatThrownBy(() -> new Not(sixteen)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new All(List.of(sixteen)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handBuiltTreesCannotExceedTheNodeLimit() {
    List<Condition> many = new ArrayList<>();
    for (int i = 0; i < Limits.MAX_NODES; i++) {
      many.add(WEB);
    }

    assertThatThrownBy(() -> new Any(many)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Any(many.subList(1, many.size()))).isNotNull();
  }

  @Test
  void handBuiltPredicatesMustFitTheirOperator() {
    assertThatThrownBy(
            () -> new Predicate("channel", Operator.IN, new Operand.One(new Value.Text("x")), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new All(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Value.Num(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void segmentsResolveThroughTheirCompiledRulesOncePerContext() {
    Map<String, CompiledCondition> segments = new HashMap<>();
    segments.put(
        "benelux", compile("{\"attr\":\"geo.country\",\"op\":\"in\",\"value\":[\"NL\",\"BE\"]}"));
    segments.put(
        "benelux-mobile",
        compile(
            "{\"all\":[{\"op\":\"inSegment\",\"value\":\"benelux\"},"
                + "{\"attr\":\"device.type\",\"op\":\"eq\",\"value\":\"mobile\"}]}"));
    int[] calls = {0};
    VisitorContext ctx =
        Contexts.now()
            .attribute("geo.country", "be")
            .attribute("device.type", "Mobile")
            .segmentResolver(
                (VisitorContext context, String key) -> {
                  calls[0]++;
                  CompiledCondition rule = segments.get(key);
                  return rule != null && rule.test(context);
                })
            .build();
    CompiledCondition variant = compile("{\"op\":\"inSegment\",\"value\":\"benelux-mobile\"}");

    assertThat(variant.test(ctx)).isTrue();
    assertThat(variant.test(ctx)).isTrue();
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void aCycleThatSlippedPastTheSaveFailsClosedInsteadOfOverflowing() {
    Map<String, CompiledCondition> segments = new HashMap<>();
    segments.put("a", compile("{\"not\":{\"op\":\"inSegment\",\"value\":\"b\"}}"));
    segments.put("b", compile("{\"not\":{\"op\":\"inSegment\",\"value\":\"a\"}}"));
    VisitorContext ctx =
        Contexts.now()
            .segmentResolver((VisitorContext c, String key) -> segments.get(key).test(c))
            .build();

    // a = not b; b = not a, where the inner a is cut off (false): b is true, so a is false.
    assertThat(ctx.inSegment("a")).isFalse();
    assertThat(ctx.inSegment("b")).isTrue();
  }

  @Test
  void compiledConditionKeepsItsSource() {
    Condition c = parser.parse("{\"attr\":\"channel\",\"op\":\"eq\",\"value\":\"web\"}");

    assertThat(compiler.compile(c).condition()).isSameAs(c);
  }

  private CompiledCondition compile(String json) {
    return compiler.compile(parser.parse(json));
  }
}
