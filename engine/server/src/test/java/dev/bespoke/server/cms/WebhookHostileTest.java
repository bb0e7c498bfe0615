package dev.bespoke.server.cms;

import static dev.bespoke.server.cms.CmsWebhooks.CONTENTFUL_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.GENERIC_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.STRAPI_TOKEN;
import static dev.bespoke.server.cms.CmsWebhooks.bytes;
import static dev.bespoke.server.cms.CmsWebhooks.cms;
import static dev.bespoke.server.cms.CmsWebhooks.contentful;
import static dev.bespoke.server.cms.CmsWebhooks.generic;
import static dev.bespoke.server.cms.CmsWebhooks.payload;
import static dev.bespoke.server.cms.CmsWebhooks.raw;
import static dev.bespoke.server.cms.CmsWebhooks.resourceBytes;
import static dev.bespoke.server.cms.CmsWebhooks.strapi;
import static dev.bespoke.server.cms.CmsWebhooks.variants;
import static dev.bespoke.server.testsupport.Api.ADMIN;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile webhook inputs H48–H59 of the reliability catalogue (shared/RELIABILITY.md §7.3), with
 * the real Contentful and Strapi bodies. Each refusal is checked to have changed nothing.
 */
@QuarkusTest
class WebhookHostileTest {

  private static final String PUBLISH = "ContentManagement.Entry.publish";
  private static final String UNPUBLISH = "ContentManagement.Entry.unpublish";
  private static final String HOMEPAGE = "contentful/entry-publish.homepage.marcoglauser.json";
  private static final String HOMEPAGE_ID = "5bfZXM2wx8fCAb60IuLDdH";
  private static final String TOMBSTONE_NO_TYPE =
      "contentful/entry-delete.deletedentry-no-contenttype.wcc-contentful.json";
  private static final String STRAPI_PUBLISH = "strapi/entry.publish.json";

  private String space;
  private String slot;

  @BeforeEach
  void connectEveryConnector() {
    String[] created = CmsWebhooks.spaceWithSlot();
    space = created[0];
    slot = created[1];
    CmsWebhooks.configure(
        space,
        "contentful",
        Map.of(
            "secret",
            CONTENTFUL_SECRET,
            "publishAs",
            "published",
            "mapping",
            Map.of("slotByType", Map.of("homePage", slot, "page", slot))));
    CmsWebhooks.configure(
        space,
        "strapi",
        Map.of(
            "secret",
            STRAPI_TOKEN,
            "publishAs",
            "published",
            "mapping",
            Map.of("slotByType", Map.of("address", slot))));
    CmsWebhooks.configure(
        space,
        "generic",
        Map.of(
            "secret",
            GENERIC_SECRET,
            "publishAs",
            "published",
            "mapping",
            Map.of("id", "/data/uid", "revision", "/data/rev")));
  }

  @Test
  @DisplayName("H48 a real Contentful publish with a wrong signature is 401 and changes nothing")
  void wrongContentfulSignature() {
    byte[] body = resourceBytes(HOMEPAGE);
    problem(contentful(space, PUBLISH, body, "not-the-secret-0123456789", nowMillis(), body), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H49 a correctly signed request ten minutes old is refused as a replay")
  void tenMinutesOld() {
    byte[] body = resourceBytes(HOMEPAGE);
    long tenMinutesAgo = nowMillis() - 10 * 60 * 1000;
    problem(contentful(space, PUBLISH, body, CONTENTFUL_SECRET, tenMinutesAgo, body), 401)
        .body("detail", containsString("time to live"));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H50 one byte changed, or the JSON re-serialised, after signing is 401")
  void alteredAfterSigning() {
    byte[] signed = resourceBytes(HOMEPAGE);
    byte[] oneByte = Arrays.copyOf(signed, signed.length);
    oneByte[new String(oneByte, StandardCharsets.UTF_8).indexOf("Adventure")] = 'a';
    problem(contentful(space, PUBLISH, oneByte, CONTENTFUL_SECRET, nowMillis(), signed), 401);
    byte[] reserialised = bytes(payload(HOMEPAGE));
    assertThat(reserialised).isNotEqualTo(signed);
    problem(contentful(space, PUBLISH, reserialised, CONTENTFUL_SECRET, nowMillis(), signed), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H51 signed headers that leave out x-contentful-timestamp are 401")
  void signedHeadersWithoutTheTimestamp() {
    byte[] body = resourceBytes(HOMEPAGE);
    String path = "/cms/contentful/" + space + "/webhook";
    String signedHeaders = "x-contentful-signed-headers,x-contentful-topic";
    String canonical =
        "POST\n"
            + path
            + "\nx-contentful-signed-headers:"
            + signedHeaders
            + ";x-contentful-topic:"
            + PUBLISH
            + "\n";
    byte[] head = canonical.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    problem(
            raw(CmsWebhooks.CONTENTFUL_TYPE)
                .header("X-Contentful-Topic", PUBLISH)
                .header("X-Contentful-Timestamp", Long.toString(nowMillis()))
                .header("X-Contentful-Signed-Headers", signedHeaders)
                .header("X-Contentful-Signature", CmsWebhooks.hmac(CONTENTFUL_SECRET, message))
                .body(body)
                .post(path),
            401)
        .body("detail", containsString("x-contentful-timestamp"));
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H52 a publish topic carrying a DeletedEntry body is 400")
  void publishTopicWithATombstone() {
    problem(contentful(space, PUBLISH, resourceBytes(TOMBSTONE_NO_TYPE)), 400);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H53 an unpublish tombstone without contentType is found by sys.id and applied")
  void tombstoneWithoutContentType() {
    contentful(space, PUBLISH, resourceBytes(HOMEPAGE)).then().statusCode(200);
    ObjectNode tombstone = payload(TOMBSTONE_NO_TYPE);
    ((ObjectNode) tombstone.get("sys")).put("id", HOMEPAGE_ID).put("revision", 8);
    contentful(space, UNPUBLISH, bytes(tombstone))
        .then()
        .statusCode(200)
        .body("applied", equalTo(1));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("draft");
  }

  @Test
  @DisplayName("H54 a publish of revision 5 arriving after the unpublish of revision 6 is ignored")
  void outOfOrderPublish() {
    ObjectNode rev4 = payload(HOMEPAGE);
    ((ObjectNode) rev4.get("sys")).put("revision", 4);
    contentful(space, PUBLISH, bytes(rev4)).then().statusCode(200).body("applied", equalTo(1));
    ObjectNode unpublish6 = payload(TOMBSTONE_NO_TYPE);
    ((ObjectNode) unpublish6.get("sys")).put("id", HOMEPAGE_ID).put("revision", 6);
    contentful(space, UNPUBLISH, bytes(unpublish6)).then().statusCode(200);
    ObjectNode rev5 = payload(HOMEPAGE);
    ((ObjectNode) rev5.get("sys")).put("revision", 5);
    contentful(space, PUBLISH, bytes(rev5)).then().statusCode(200).body("unchanged", equalTo(1));
    assertThat(variants(space, slot))
        .singleElement()
        .extracting(v -> v.get("status"))
        .isEqualTo("draft");
  }

  @Test
  @DisplayName("H55 Strapi without its token, or with one character different, is 401")
  void strapiTokens() {
    byte[] body = resourceBytes(STRAPI_PUBLISH);
    problem(strapi(space, null, body), 401);
    char[] oneOff = STRAPI_TOKEN.toCharArray();
    oneOff[oneOff.length / 2] = oneOff[oneOff.length / 2] == 'a' ? 'b' : 'a';
    problem(strapi(space, new String(oneOff), body), 401);
    problem(strapi(space, STRAPI_TOKEN.substring(1), body), 401);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H56 Strapi entry.publish with entry.id as a string, or entry null, is 400")
  void strapiMalformedEntries() {
    ObjectNode stringId = payload(STRAPI_PUBLISH);
    ((ObjectNode) stringId.get("entry")).put("id", "7");
    problem(strapi(space, STRAPI_TOKEN, bytes(stringId)), 400, "/entry/id");
    ObjectNode nullEntry = payload(STRAPI_PUBLISH);
    nullEntry.putNull("entry");
    problem(strapi(space, STRAPI_TOKEN, bytes(nullEntry)), 400, "/entry");
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H57 a 50 MB generic body is 413 and 100,000 nested arrays are 400, unparsed")
  void hugeAndDeepGenericBodies() throws IOException {
    // A 50 MB body is announced and its first 256 KB sent: the answer must come before the rest,
    // which proves the body is refused on its declared size, not after reading it.
    String head =
        "POST /cms/generic/"
            + space
            + "/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "X-Bespoke-Signature: t="
            + nowSeconds()
            + ",v1=00\r\nContent-Length: "
            + 50L * 1024 * 1024
            + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[16 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      try {
        for (int i = 0; i < 16; i++) {
          out.write(chunk);
        }
        out.flush();
      } catch (IOException closedEarly) {
        // refused and closed while we were still sending: also a refusal before reading it all
      }
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 413");
    }
    byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    problem(generic(space, GENERIC_SECRET, nowSeconds(), deep), 400);
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  @DisplayName("H58 a generic mapping naming URLs instead of JSON Pointers is refused at save")
  void mappingsWithUrls() {
    for (String target :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://localhost:8080/q/dev",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_FLUSHALL",
            "http://localtest.me/")) {
      problem(
          as(ADMIN)
              .body(
                  Map.of(
                      "secret",
                      GENERIC_SECRET,
                      "publishAs",
                      "published",
                      "mapping",
                      Map.of("id", "/data/uid", "revision", "/data/rev", "fields", target)))
              .put(cms(space, "generic")),
          400);
    }
    // The connector kept its earlier, valid mapping.
    as(ADMIN)
        .get(cms(space, "generic"))
        .then()
        .statusCode(200)
        .body("mapping.id", equalTo("/data/uid"));
  }

  @Test
  @DisplayName(
      "H59 webhook bodies full of URLs make Bespoke fetch nothing, so no redirect is followed")
  void noOutboundFetch() throws IOException {
    try (ServerSocket trap = new ServerSocket(0)) {
      String url =
          "http://127.0.0.1:" + trap.getLocalPort() + "/redirect?to=http://169.254.169.254/";
      ObjectNode contentfulBody = payload(HOMEPAGE);
      ((ObjectNode) contentfulBody.at("/fields/title")).put("en-US", url);
      contentfulBody.putObject("links").put("href", url).put("url", url);
      contentful(space, PUBLISH, bytes(contentfulBody)).then().statusCode(200);
      ObjectNode strapiBody = payload(STRAPI_PUBLISH);
      ((ObjectNode) strapiBody.get("entry")).put("url", url).put("image", url);
      strapi(space, STRAPI_TOKEN, bytes(strapiBody)).then().statusCode(200);
      Map<String, Object> genericBody =
          Map.of(
              "event",
              "publish",
              "entry",
              Map.of("slot", slot, "html", "<img src=\"" + url + "\">"),
              "data",
              Map.of("uid", "u1", "rev", 1, "content", Map.of("link", url)));
      generic(space, GENERIC_SECRET, nowSeconds(), bytes(genericBody)).then().statusCode(200);
      trap.setSoTimeout(1500);
      try {
        trap.accept().close();
        throw new AssertionError("Bespoke connected to a URL found in a webhook body");
      } catch (SocketTimeoutException expected) {
        // nothing connected: webhook contents are data, never addresses to fetch
      }
    }
  }

  private static long nowMillis() {
    return System.currentTimeMillis();
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
