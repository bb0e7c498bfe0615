package dev.bespoke.server.reliability.auth;

import static dev.bespoke.server.reliability.auth.ConsoleSession.CSRF;
import static dev.bespoke.server.reliability.auth.ConsoleSession.MARK;
import static dev.bespoke.server.reliability.auth.ConsoleSession.SESSION;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.UniqueKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A5, A6, A12 and A13 of the catalogue (shared/RELIABILITY.md §7.4): the console's CSRF and origin
 * checks, and its session at sign-in and after sign-out, over the real HTTP port as a browser would
 * send the requests (the browser-driven journeys are in ConsoleSecurityTest).
 */
@QuarkusTest
class ConsoleSessionAuthTest {

  private static final String RULE =
      "{\"attr\": \"geo.country\", \"op\": \"eq\", \"value\": \"FR\"}";

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  @DisplayName(
      "A6 a sign-in form posted from another site is refused before Quarkus signs anyone in; from"
          + " our own origin it signs in")
  void signInFromAnotherSiteIsRefused() {
    for (String[] foreign :
        new String[][] {
          {"Origin", "https://evil.example"},
          {"Origin", "null"},
          {"Referer", "https://evil.example/login-as-attacker.html"},
        }) {
      Response refused = signInAsEditorWith(foreign[0], foreign[1]);
      assertThat(refused.statusCode()).as("%s: %s", foreign[0], foreign[1]).isEqualTo(403);
      assertThat(refused.asString()).contains("came from another site");
      assertThat(refused.detailedCookies().asList())
          .as("no session cookie for a refused sign-in")
          .noneMatch(c -> c.getValue() != null && !c.getValue().isEmpty());
    }

    Response ours = signInAsEditorWith("Origin", "http://localhost:" + RestAssured.port);
    assertThat(ours.statusCode()).isEqualTo(302);
    assertThat(ours.header("Location")).endsWith("/console");
  }

  /** The sign-in form posted by a browser that sends {@code header}, redirects not followed. */
  private static Response signInAsEditorWith(String header, String value) {
    return given()
        .redirects()
        .follow(false)
        .header(header, value)
        .formParam("j_username", "editor")
        .formParam("j_password", "editor")
        .post("/console/j_security_check");
  }

  @Test
  @DisplayName(
      "A5 a console POST without a CSRF token, or with the token of another session, is 403 and"
          + " creates nothing")
  void csrfTokenOfAnotherSession() {
    ConsoleSession mine = ConsoleSession.signIn("editor");
    ConsoleSession otherOfSameUser = ConsoleSession.signIn("editor");
    ConsoleSession otherUser = ConsoleSession.signIn("publisher");
    String key = UniqueKeys.unique("a5");

    assertThat(createSegment(mine, key, null).statusCode()).isEqualTo(403);
    assertThat(createSegment(mine, key, otherOfSameUser.csrfToken()).statusCode()).isEqualTo(403);
    assertThat(createSegment(mine, key, otherUser.csrfToken()).statusCode()).isEqualTo(403);
    assertThat(createSegment(otherUser, key, mine.csrfToken()).statusCode()).isEqualTo(403);
    assertThat(segmentExists(key)).as("a refused POST created the segment").isFalse();

    // The session's own token works: the refusals above were about the token, nothing else.
    Response genuine = createSegment(mine, key, mine.csrfToken());
    assertThat(genuine.statusCode()).isEqualTo(303);
    assertThat(segmentExists(key)).isTrue();
  }

  @Test
  @DisplayName(
      "A6 a console form posted with another origin's Referer and no Origin header is 403 and"
          + " creates nothing")
  void crossOriginReferer() {
    ConsoleSession editor = ConsoleSession.signIn("editor");
    String token = editor.csrfToken();
    String key = UniqueKeys.unique("a6");
    for (String referer :
        new String[] {
          "https://attacker.example/console/segments/new",
          "http://attacker.example:" + RestAssured.port + "/console/segments/new",
          "http://localhost.attacker.example/console",
          "null",
          "not a url at all"
        }) {
      Response r = createSegment(editor, key, token, request -> request.header("Referer", referer));
      assertThat(r.statusCode()).as("Referer %s", referer).isEqualTo(403);
    }
    Response crossOrigin =
        createSegment(editor, key, token, r -> r.header("Origin", "https://attacker.example"));
    assertThat(crossOrigin.statusCode()).isEqualTo(403);
    assertThat(segmentExists(key)).as("a cross-site POST created the segment").isFalse();

    Response sameSite =
        createSegment(
            editor,
            key,
            token,
            r ->
                r.header(
                    "Referer",
                    "http://localhost:" + RestAssured.port + "/console/segments/new?from=test"));
    assertThat(sameSite.statusCode()).isEqualTo(303);
    assertThat(segmentExists(key)).isTrue();
  }

  @Test
  @DisplayName(
      "A12 session fixation: a session cookie set before sign-in is replaced, and the new one"
          + " identifies only the user who signed in")
  void sessionFixation() {
    ConsoleSession planted =
        ConsoleSession.holding(
            Map.of(SESSION, "attacker-chosen-value", MARK, "attacker-mark", CSRF, "attacker-csrf"));
    planted.signInAgain("editor");
    assertThat(planted.cookie(SESSION)).isNotBlank().isNotEqualTo("attacker-chosen-value");
    assertThat(planted.cookie(MARK)).isNotBlank().isNotEqualTo("attacker-mark");
    assertThat(planted.cookie(CSRF)).isNotBlank().isNotEqualTo("attacker-csrf");
    assertThat(planted.signedInAs()).isEqualTo("editor editor");

    // An attacker's own valid session (as publisher) planted in the victim's browser.
    ConsoleSession attacker = ConsoleSession.signIn("publisher");
    assertThat(attacker.signedInAs()).isEqualTo("publisher publisher");
    ConsoleSession victim = attacker.copy().signInAgain("editor");
    assertThat(victim.cookie(SESSION)).isNotEqualTo(attacker.cookie(SESSION));
    assertThat(victim.cookie(MARK)).isNotEqualTo(attacker.cookie(MARK));
    assertThat(victim.cookie(CSRF)).isNotEqualTo(attacker.cookie(CSRF));
    assertThat(victim.signedInAs()).isEqualTo("editor editor");
    // The attacker's copy is still the attacker's, never the victim's session.
    assertThat(attacker.signedInAs()).isEqualTo("publisher publisher");

    // Cookies of two sessions mixed (one user's session, another's mark) are no session at all.
    ConsoleSession mixed = victim.copy();
    mixed.cookies.put(MARK, attacker.cookie(MARK));
    assertThat(mixed.signedInAs()).isNull();
    ConsoleSession mixedTheOtherWay = attacker.copy();
    mixedTheOtherWay.cookies.put(MARK, victim.cookie(MARK));
    assertThat(mixedTheOtherWay.signedInAs()).isNull();
  }

  @Test
  @DisplayName(
      "A13 after sign-out the old session cookie replayed is refused: pages redirect to the"
          + " sign-in form, forms change nothing")
  void replayAfterSignOut() {
    ConsoleSession editor = ConsoleSession.signIn("editor");
    ConsoleSession elsewhere = ConsoleSession.signIn("editor");
    String token = editor.csrfToken();
    ConsoleSession stolen = editor.copy();
    assertThat(stolen.signedInAs()).isEqualTo("editor editor");

    Response signOut =
        editor.keep(editor.request().formParam("_csrf", token).post("/console/logout"));
    assertThat(signOut.statusCode()).isEqualTo(303);
    assertThat(signOut.header("Location")).endsWith("/console/login?signed-out");
    assertThat(editor.cookie(SESSION)).as("the browser's cookie is cleared").isNull();
    assertThat(editor.cookie(MARK)).isNull();

    // The copy taken before signing out: every cookie exactly as it was.
    Response page = stolen.request().get("/console/slots");
    assertThat(page.statusCode()).isIn(302, 303);
    assertThat(page.header("Location")).endsWith("/console/login");
    assertThat(page.asString()).doesNotContain("csrf-token");
    // The refusal also tells the browser to drop the dead session's cookies.
    assertThat(page.detailedCookie(SESSION)).isNotNull();
    assertThat(page.detailedCookie(SESSION).getMaxAge()).isZero();
    assertThat(page.detailedCookie(MARK).getMaxAge()).isZero();
    assertThat(stolen.signedInAs()).isNull();

    String key = UniqueKeys.unique("a13");
    Response form = createSegment(stolen, key, token);
    assertThat(form.statusCode()).isIn(302, 303);
    assertThat(form.header("Location")).endsWith("/console/login");
    assertThat(segmentExists(key)).as("a replayed session created the segment").isFalse();

    // Only that session ended: the same user's other session, and a new sign-in, still work.
    assertThat(elsewhere.signedInAs()).isEqualTo("editor editor");
    assertThat(editor.signInAgain("editor").signedInAs()).isEqualTo("editor editor");
    assertThat(stolen.signedInAs()).isNull();
  }

  private static Response createSegment(ConsoleSession session, String key, String token) {
    return createSegment(session, key, token, r -> r);
  }

  private static Response createSegment(
      ConsoleSession session, String key, String token, UnaryOperator<RequestSpecification> extra) {
    RequestSpecification request =
        session.request().formParam("key", key).formParam("name", "Catalogue " + key);
    request.formParam("rule", RULE);
    if (token != null) {
      request.formParam("_csrf", token);
    }
    return extra.apply(request).post("/console/segments");
  }

  private static boolean segmentExists(String key) {
    int status = as(ADMIN).get(Api.segments("default") + "/" + key).statusCode();
    assertThat(status).isIn(200, 404);
    return status == 200;
  }
}
