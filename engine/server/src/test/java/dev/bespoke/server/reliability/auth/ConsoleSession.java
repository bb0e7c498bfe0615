package dev.bespoke.server.reliability.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's cookies as a browser keeps them, driven over plain HTTP: the sign-in page, the form
 * post to Quarkus's form authentication, and every later answer's Set-Cookie (an expired cookie is
 * dropped, as a browser drops it).
 */
public final class ConsoleSession {

  static final String SESSION = "bespoke_console";
  static final String MARK = "bespoke_console_sid";
  static final String CSRF = "bespoke_console_csrf";

  private static final Pattern TOKEN =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
  private static final Pattern WHO =
      Pattern.compile("<span>([^<]+) <span class=\"badge\">([^<]+)</span></span>");

  final Map<String, String> cookies = new LinkedHashMap<>();

  private ConsoleSession() {}

  /** Signs in with the demo password (the user's name), starting from no cookies. */
  public static ConsoleSession signIn(String user) {
    return new ConsoleSession().signInAgain(user);
  }

  /** Cookies a browser already holds (set by a page, a script or an attacker) before signing in. */
  static ConsoleSession holding(Map<String, String> cookies) {
    ConsoleSession session = new ConsoleSession();
    session.cookies.putAll(cookies);
    return session;
  }

  ConsoleSession copy() {
    return holding(cookies);
  }

  /** The sign-in page, then the form post, keeping whatever cookies this browser already has. */
  ConsoleSession signInAgain(String user) {
    keep(request().get("/console/login").then().statusCode(200).extract().response());
    Response login =
        keep(
            request()
                .formParam("j_username", user)
                .formParam("j_password", user)
                .post("/console/j_security_check"));
    assertThat(login.statusCode()).as("sign-in of %s", user).isEqualTo(302);
    assertThat(login.header("Location")).endsWith("/console");
    return this;
  }

  /** A request carrying this browser's cookies, redirects not followed. */
  public RequestSpecification request() {
    return given().redirects().follow(false).cookies(cookies);
  }

  /** Keeps the cookies an answer sets, and forgets those it expires. */
  Response keep(Response response) {
    for (Cookie c : response.detailedCookies()) {
      if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
        cookies.remove(c.getName());
      } else {
        cookies.put(c.getName(), c.getValue());
      }
    }
    return response;
  }

  /** The CSRF token the console puts in its pages for this session. */
  String csrfToken() {
    Response page = keep(request().get("/console"));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = TOKEN.matcher(page.asString());
    assertThat(m.find()).as("a csrf-token meta tag").isTrue();
    return m.group(1);
  }

  /** Who the console says is signed in, as "name role", or null when it shows the sign-in page. */
  String signedInAs() {
    Response page = request().get("/console");
    if (page.statusCode() != 200) {
      return null;
    }
    Matcher m = WHO.matcher(page.asString());
    return m.find() ? m.group(1).strip() + " " + m.group(2).strip() : null;
  }

  String cookie(String name) {
    return cookies.get(name);
  }
}
