package dev.bespoke.server.admin.content;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InertContentTest {

  private static final String JNDI = "${jndi:ldap://127.0.0.1/a}";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void aLookupStringIsStoredAndReturnedLiterally() {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    String key = unique("var");
    var body =
        with(
            with(with(Samples.variant(key), "name", JNDI), "fields", map("title", JNDI)),
            "html",
            "<p>" + JNDI + "</p>");
    Fixtures.create(Api.variants(space, slot), body);
    as(EDITOR)
        .get(Api.variants(space, slot) + "/" + key)
        .then()
        .statusCode(StatusCode.OK)
        .body("name", equalTo(JNDI))
        .body("fields.title", equalTo(JNDI))
        .body("html", equalTo("<p>" + JNDI + "</p>"));
  }

  @Test
  void aCatastrophicRegexIsStoredOrRefusedButNeverA5xx() {
    String space = Fixtures.newSpace();
    var body =
        with(
            Samples.segment(unique("seg")),
            "rule",
            map("attr", "page.url", "op", "matches", "value", "^(a+)+$"));
    as(EDITOR)
        .body(body)
        .post(Api.segments(space))
        .then()
        .statusCode(anyOf(is(StatusCode.CREATED), is(StatusCode.BAD_REQUEST)));
  }

  @Test
  void aBackReferenceRegexIsRefusedByTheLinearEngine() {
    String space = Fixtures.newSpace();
    var body =
        with(
            Samples.segment(unique("seg")),
            "rule",
            map("attr", "page.path", "op", "matches", "value", "(a)\\1"));
    as(EDITOR)
        .body(body)
        .post(Api.segments(space))
        .then()
        .statusCode(StatusCode.BAD_REQUEST)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItem("rule.value"));
  }
}
