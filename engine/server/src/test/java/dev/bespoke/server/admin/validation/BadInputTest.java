package dev.bespoke.server.admin.validation;

import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.PUBLISHER;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Problems;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad request per case: each must be a problem with the right status that names the bad field.
 * The cases share one space, created on first use, and only ever fail to write into it.
 */
@QuarkusTest
class BadInputTest {

  /** Where the cases aim: a space with a slot (web, mobile), a segment and a variant. */
  record Target(String space, String slot, String segment, String variant) {
    String slots() {
      return Api.slots(space);
    }

    String slotUrl() {
      return slots() + "/" + slot;
    }

    String variants() {
      return Api.variants(space, slot);
    }

    String segments() {
      return Api.segments(space);
    }
  }

  /**
   * One bad request. {@code body} is a map sent as JSON or a string sent as it is; {@code field} is
   * null where the problem names no field (an unknown entity).
   */
  record Case(
      String name,
      String user,
      String method,
      Function<Target, String> url,
      Function<Target, Object> body,
      int status,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Target target;

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAProblemNamingTheField(Case c) {
    RequestSpecification request = as(c.user());
    Object body = c.body().apply(target());
    if (body != null) {
      request = request.body(body);
    }
    if (body instanceof String text && text.length() > 10_000) {
      // REST Assured formats every request for its failure log; pretty-printing a 10,000-deep
      // document takes it tens of seconds.
      request = request.config(RestAssured.config().logConfig(LogConfig.logConfig()));
    }
    Response response = request.request(c.method(), c.url().apply(target()));
    if (c.field() == null) {
      Problems.problem(response, c.status());
    } else {
      Problems.problem(response, c.status(), c.field());
    }
  }

  static Stream<Case> cases() {
    return Stream.of(slotCases(), variantCases(), segmentCases(), otherCases())
        .flatMap(List::stream);
  }

  private static List<Case> slotCases() {
    Map<String, Object> slot = Samples.slot("new-slot");
    return List.of(
        post("slot key with capitals", Target::slots, with(slot, "key", "Home"), "key"),
        post("slot key starting with a dash", Target::slots, with(slot, "key", "-home"), "key"),
        post("slot key of 65 characters", Target::slots, with(slot, "key", "a".repeat(65)), "key"),
        post("slot key with a slash", Target::slots, with(slot, "key", "a/b"), "key"),
        post("slot key missing", Target::slots, with(slot, "key", null), "key"),
        post("slot name missing", Target::slots, with(slot, "name", null), "name"),
        post("slot name blank", Target::slots, with(slot, "name", "   "), "name"),
        post("slot without channels", Target::slots, with(slot, "channels", List.of()), "channels"),
        post(
            "slot channel with bad characters",
            Target::slots,
            with(slot, "channels", List.of("web", "Mobile!")),
            "channels[1]"),
        post(
            "slot channel listed twice",
            Target::slots,
            with(slot, "channels", List.of("web", "web")),
            "channels[1]"),
        post("slot unknown strategy", Target::slots, with(slot, "strategy", "random"), "strategy"),
        post("slot unknown field", Target::slots, with(slot, "colour", "red"), "colour"),
        post("slot boolean as text", Target::slots, with(slot, "cacheable", "yes"), "cacheable"),
        post("slot list as text", Target::slots, with(slot, "channels", "web"), "channels"),
        post(
            "slot fieldsSchema not an object",
            Target::slots,
            with(slot, "fieldsSchema", List.of(1, 2)),
            "fieldsSchema"),
        post(
            "slot with a Jackson type hint",
            Target::slots,
            with(slot, "@class", "java.lang.ProcessBuilder"),
            "@class"),
        post(
            "slot with a duplicate JSON key",
            Target::slots,
            "{\"key\":\"dup-a\",\"key\":\"dup-b\",\"name\":\"x\",\"channels\":[\"web\"]}",
            "body"),
        post("slot malformed JSON", Target::slots, "{\"key\": \"x\",", "body"),
        post("slot empty body", Target::slots, "", "body"),
        post(
            "slot created with a status",
            Target::slots,
            with(slot, "status", "published"),
            "status"));
  }

  private static List<Case> variantCases() {
    Map<String, Object> variant = Samples.variant("new-variant");
    return List.of(
        post(
            "variant validUntil before validFrom",
            Target::variants,
            with(
                with(variant, "validFrom", "2030-02-01T00:00:00Z"),
                "validUntil",
                "2030-01-01T00:00:00Z"),
            "validUntil"),
        post(
            "variant in the year 99999",
            Target::variants,
            with(variant, "validFrom", "+99999-01-01T00:00:00Z"),
            "validFrom"),
        post(
            "variant with an unsigned five-digit year",
            Target::variants,
            with(variant, "validUntil", "99999-01-01T00:00:00Z"),
            "validUntil"),
        post(
            "variant priority as text",
            Target::variants,
            with(variant, "priority", "high"),
            "priority"),
        post(
            "variant fractional priority",
            Target::variants,
            with(variant, "priority", 1.5),
            "priority"),
        post("variant negative weight", Target::variants, with(variant, "weight", -1), "weight"),
        post(
            "variant unknown segmentMatch",
            Target::variants,
            with(variant, "segmentMatch", "some"),
            "segmentMatch"),
        post(
            "variant targeting an unknown segment",
            Target::variants,
            with(variant, "segments", List.of("no-such-segment")),
            "segments[0]"),
        post(
            "variant channel the slot does not serve",
            Target::variants,
            with(variant, "channels", List.of("email")),
            "channels[0]"),
        post(
            "variant malformed locale",
            Target::variants,
            with(variant, "locales", List.of("english")),
            "locales[0]"),
        post("variant fields as text", Target::variants, with(variant, "fields", "x"), "fields"),
        post(
            "variant naming another slot",
            Target::variants,
            with(variant, "slot", "other"),
            "slot"),
        post(
            "variant suppressAfterConversion not a key",
            Target::variants,
            with(variant, "suppressAfterConversion", "Purchase Made"),
            "suppressAfterConversion"),
        new Case(
            "variant of an unknown slot",
            EDITOR,
            "POST",
            t -> Api.variants(t.space(), "no-such-slot"),
            t -> variant,
            StatusCode.NOT_FOUND,
            null));
  }

  private static List<Case> segmentCases() {
    Map<String, Object> segment = Samples.segment("new-segment");
    return List.of(
        post(
            "segment rule with an unknown operator",
            Target::segments,
            rule(segment, map("attr", "geo.country", "op", "like", "value", "NL")),
            "rule.op"),
        post(
            "segment rule with an unknown attribute namespace",
            Target::segments,
            rule(segment, map("attr", "shoe.size", "op", "eq", "value", 42)),
            "rule.attr"),
        post(
            "segment rule bad deep inside",
            Target::segments,
            rule(
                segment,
                map(
                    "all",
                    List.of(
                        map("attr", "geo.country", "op", "eq", "value", "NL"),
                        map("any", List.of(map("attr", "visit.count", "op", "gte")))))),
            "rule.all[1].any[0].value"),
        post("segment without a rule", Target::segments, with(segment, "rule", null), "rule"),
        post(
            "segment rule naming an unknown segment",
            Target::segments,
            rule(segment, map("op", "inSegment", "value", "no-such-segment")),
            "rule.value"),
        post(
            "segment rule with a million and one values",
            Target::segments,
            hugeList(),
            "rule.value"),
        post("segment rule nested 10,000 deep", Target::segments, deeplyNested(), "rule"),
        post(
            "segment rule with a type hint",
            Target::segments,
            rule(segment, map("@class", "java.net.URL", "val", "http://127.0.0.1/")),
            "rule.@class"));
  }

  private static List<Case> otherCases() {
    return List.of(
        get("list page size 101", t -> t.slots() + "?size=101", "size"),
        get("list page size 0", t -> t.slots() + "?size=0", "size"),
        get("list negative page", t -> t.slots() + "?page=-1", "page"),
        get("list size not a number", t -> t.slots() + "?size=ten", "size"),
        get("list unknown status", t -> t.slots() + "?status=live", "status"),
        get("audit page size 1000", t -> Api.audit(t.space()) + "?size=1000", "size"),
        new Case(
            "update without a version",
            EDITOR,
            "PUT",
            Target::slotUrl,
            t -> with(Samples.slot(t.slot()), "key", null),
            StatusCode.BAD_REQUEST,
            "version"),
        new Case(
            "update changing the key",
            EDITOR,
            "PUT",
            Target::slotUrl,
            t -> with(Samples.slot("another-key"), "version", 1),
            StatusCode.BAD_REQUEST,
            "key"),
        new Case(
            "update with a stale version",
            EDITOR,
            "PUT",
            Target::slotUrl,
            t -> with(Samples.slot(t.slot()), "version", 999_999),
            StatusCode.CONFLICT,
            "version"),
        new Case(
            "rollback with an unknown field",
            PUBLISHER,
            "POST",
            t -> t.slotUrl() + "/rollback",
            t -> map("to", 1),
            StatusCode.BAD_REQUEST,
            "to"),
        new Case(
            "rollback without a version",
            PUBLISHER,
            "POST",
            t -> t.slotUrl() + "/rollback",
            t -> map(),
            StatusCode.BAD_REQUEST,
            "version"),
        new Case(
            "rollback to version 0",
            PUBLISHER,
            "POST",
            t -> t.slotUrl() + "/rollback",
            t -> map("version", 0),
            StatusCode.BAD_REQUEST,
            "version"),
        new Case(
            "experiment of an unknown type",
            EDITOR,
            "POST",
            t -> Api.experiments(t.space()),
            t -> with(Samples.experiment("exp", t.slot()), "type", "multivariate"),
            StatusCode.BAD_REQUEST,
            "type"),
        new Case(
            "experiment with 101% traffic",
            EDITOR,
            "POST",
            t -> Api.experiments(t.space()),
            t -> with(Samples.experiment("exp", t.slot()), "trafficPercent", 101),
            StatusCode.BAD_REQUEST,
            "trafficPercent"),
        new Case(
            "experiment on an unknown slot",
            EDITOR,
            "POST",
            t -> Api.experiments(t.space()),
            t -> Samples.experiment("exp", "no-such-slot"),
            StatusCode.BAD_REQUEST,
            "slot"),
        new Case(
            "ab experiment arm with an unknown variant",
            EDITOR,
            "POST",
            t -> Api.experiments(t.space()),
            t ->
                with(
                    with(Samples.experiment("exp", t.slot()), "type", "ab"),
                    "arms",
                    List.of(
                        map("key", "a", "variant", t.variant()),
                        map("key", "b", "variant", "no-such-variant"))),
            StatusCode.BAD_REQUEST,
            "arms[1].variant"),
        new Case(
            "experiment alpha of 0.9",
            EDITOR,
            "POST",
            t -> Api.experiments(t.space()),
            t -> with(Samples.experiment("exp", t.slot()), "alpha", 0.9),
            StatusCode.BAD_REQUEST,
            "alpha"),
        new Case(
            "persona context not an object",
            EDITOR,
            "POST",
            t -> Api.personas(t.space()),
            t -> with(Samples.persona("p"), "context", List.of("NL")),
            StatusCode.BAD_REQUEST,
            "context"),
        new Case(
            "space with an unknown time zone",
            ADMIN,
            "POST",
            t -> Api.SPACES,
            t -> with(Samples.space(unique("space")), "timeZone", "Mars/Olympus_Mons"),
            StatusCode.BAD_REQUEST,
            "timeZone"),
        new Case(
            "unknown space",
            EDITOR,
            "GET",
            t -> Api.slots("no-such-space"),
            t -> null,
            StatusCode.NOT_FOUND,
            null),
        new Case(
            "update of an unknown slot",
            EDITOR,
            "PUT",
            t -> t.slots() + "/no-such-slot",
            t -> with(Samples.slot("no-such-slot"), "version", 1),
            StatusCode.NOT_FOUND,
            null),
        new Case(
            "duplicate slot key",
            EDITOR,
            "POST",
            Target::slots,
            t -> Samples.slot(t.slot()),
            StatusCode.CONFLICT,
            null));
  }

  private static Case post(String name, Function<Target, String> url, Object body, String field) {
    return new Case(name, EDITOR, "POST", url, t -> body, StatusCode.BAD_REQUEST, field);
  }

  private static Case get(String name, Function<Target, String> url, String field) {
    return new Case(name, EDITOR, "GET", url, t -> null, StatusCode.BAD_REQUEST, field);
  }

  private static Map<String, Object> rule(Map<String, Object> segment, Object rule) {
    return with(segment, "rule", rule);
  }

  private static String hugeList() {
    StringBuilder json =
        new StringBuilder("{\"key\":\"huge\",\"name\":\"Huge\",\"rule\":")
            .append("{\"attr\":\"visit.count\",\"op\":\"in\",\"value\":[");
    for (int i = 0; i < 1_000_001; i++) {
      json.append(i == 0 ? "1" : ",1");
    }
    return json.append("]}}").toString();
  }

  private static String deeplyNested() {
    int depth = 10_000;
    return "{\"key\":\"deep\",\"name\":\"Deep\",\"rule\":"
        + "{\"not\":".repeat(depth)
        + "{\"attr\":\"visit.count\",\"op\":\"eq\",\"value\":1}"
        + "}".repeat(depth)
        + "}";
  }

  /** Created on first use: a static @BeforeAll may run before REST Assured knows the port. */
  private static synchronized Target target() {
    if (target == null) {
      String space = Fixtures.newSpace();
      String slot = Fixtures.newSlot(space);
      target =
          new Target(space, slot, Fixtures.newSegment(space), Fixtures.newVariant(space, slot));
    }
    return target;
  }
}
