package dev.bespoke.server.admin.validation;

import static dev.bespoke.server.cms.CmsWebhooks.GENERIC_SECRET;
import static dev.bespoke.server.cms.CmsWebhooks.STRAPI_TOKEN;
import static dev.bespoke.server.cms.CmsWebhooks.bytes;
import static dev.bespoke.server.cms.CmsWebhooks.generic;
import static dev.bespoke.server.cms.CmsWebhooks.payload;
import static dev.bespoke.server.cms.CmsWebhooks.strapi;
import static dev.bespoke.server.cms.CmsWebhooks.variants;
import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Problems.problem;
import static dev.bespoke.server.testsupport.Samples.map;
import static dev.bespoke.server.testsupport.Samples.with;
import static dev.bespoke.server.testsupport.UniqueKeys.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bespoke.server.cms.CmsWebhooks;
import dev.bespoke.server.testsupport.Api;
import dev.bespoke.server.testsupport.Fixtures;
import dev.bespoke.server.testsupport.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A URL that a browser would read as {@code javascript:}, {@code data:} or {@code vbscript:}
 * however it is spelled is refused when it is saved into a link field: the built-in {@code ctaUrl}
 * and {@code image}, a slot schema property with a URL format, and what a CMS mapping feeds into
 * them. The same spellings the browser script refuses on its own (BrowserScriptUrlTest).
 */
@QuarkusTest
class LinkUrlSaveTest {

  /** A slot whose schema declares {@code link} a URL and {@code note} plain text. */
  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "link", Map.of("type", "string", "format", "uri-reference"),
              "note", Map.of("type", "string")));

  @BeforeAll
  static void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  static Stream<String> dangerousUrls() {
    return Stream.of(
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u0001javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \tJaVa\tScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "\ndata:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "\u0008VBScript:msgbox(1)");
  }

  @ParameterizedTest
  @MethodSource("dangerousUrls")
  void aVariantWithADangerousBuiltInLinkIsRefusedAndNotSaved(String url) {
    String space = Fixtures.newSpace();
    String slot = Fixtures.newSlot(space);
    for (String field : List.of("ctaUrl", "image")) {
      problem(
              as(EDITOR)
                  .body(variant(Map.of("title", "Hi", "ctaText", "Go", field, url)))
                  .post(Api.variants(space, slot)),
              StatusCode.BAD_REQUEST,
              "fields." + field)
          .body("errors.message", hasItem(containsString("http or https")));
    }
    assertThat(variants(space, slot)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dangerousUrls")
  void aSchemaUrlFieldRefusesADangerousUrlOnCreateAndOnUpdate(String url) {
    String space = Fixtures.newSpace();
    String slot = schemaSlot(space);
    problem(
        as(EDITOR).body(variant(Map.of("link", url))).post(Api.variants(space, slot)),
        StatusCode.BAD_REQUEST,
        "fields.link");

    String key = Fixtures.create(Api.variants(space, slot), variant(Map.of("link", "/sale")));
    String resource = Api.variants(space, slot) + "/" + key;
    long version = Fixtures.version(resource);
    problem(
        as(EDITOR)
            .body(with(with(variant(Map.of("link", url)), "key", key), "version", version))
            .put(resource),
        StatusCode.BAD_REQUEST,
        "fields.link");
    assertThat(Fixtures.get(resource).getString("fields.link")).isEqualTo("/sale");
    assertThat(Fixtures.version(resource)).isEqualTo(version);
  }

  @Test
  void httpHttpsAndRelativeLinksAreSavedAndPlainTextFieldsAreNotLinks() {
    String space = Fixtures.newSpace();
    String slot = schemaSlot(space);
    for (String url :
        List.of("https://shop.example/sale?x=1", "HTTP://shop.example/", "/sale", "?page=2")) {
      Fixtures.create(
          Api.variants(space, slot), variant(Map.of("link", url, "ctaUrl", url, "image", url)));
    }
    // Text that merely mentions a scheme is not a link unless the schema says so.
    Fixtures.create(Api.variants(space, slot), variant(Map.of("note", "javascript: is refused")));
  }

  @Test
  void aSchemaRefusesDangerousDefaultsEnumsAndExamplesForItsUrlFields() {
    String space = Fixtures.newSpace();
    Map<String, Object> link =
        Map.of(
            "type",
            "string",
            "format",
            "uri",
            "default",
            " javascript:alert(1)",
            "enum",
            List.of("/sale", "java\tscript:alert(1)"),
            "examples",
            List.of("\u0001javascript:alert(1)"));
    Map<String, Object> body =
        with(
            Samples.slot(unique("slot")),
            "fieldsSchema",
            Map.of("type", "object", "properties", Map.of("link", link)));
    problem(as(EDITOR).body(body).post(Api.slots(space)), StatusCode.BAD_REQUEST)
        .body(
            "errors.field",
            equalTo(
                List.of(
                    "fieldsSchema.properties.link.default",
                    "fieldsSchema.properties.link.enum[1]",
                    "fieldsSchema.properties.link.examples[0]")));
  }

  @ParameterizedTest
  @MethodSource("dangerousUrls")
  void aGenericCmsEntryFeedingADangerousLinkIsRefusedAndChangesNothing(String url) {
    String[] created = CmsWebhooks.spaceWithSlot();
    String space = created[0];
    String slot = created[1];
    CmsWebhooks.configure(
        space,
        "generic",
        Map.of("secret", GENERIC_SECRET, "publishAs", "published", "mapping", Map.of()));
    Map<String, Object> entry =
        Map.of(
            "id",
            "promo-1",
            "revision",
            1,
            "slot",
            slot,
            "name",
            "Promo",
            "fields",
            Map.of("title", "Hi", "ctaText", "Go", "ctaUrl", url));
    problem(
        generic(
            space, GENERIC_SECRET, System.currentTimeMillis() / 1000, bytes(map("entry", entry))),
        StatusCode.BAD_REQUEST,
        "fields.ctaUrl");
    assertThat(variants(space, slot)).isEmpty();
  }

  @Test
  void aStrapiMappingThatRenamesAFieldIntoALinkIsHeldToTheRule() {
    String[] created = CmsWebhooks.spaceWithSlot();
    String space = created[0];
    String slot = created[1];
    CmsWebhooks.configure(
        space,
        "strapi",
        Map.of(
            "secret",
            STRAPI_TOKEN,
            "publishAs",
            "published",
            "mapping",
            Map.of(
                "slotByType",
                Map.of("address", slot),
                "rename",
                Map.of("city", "title", "website", "ctaUrl"))));
    ObjectNode event = payload("strapi/entry.create.json");
    ((ObjectNode) event.get("entry")).put("website", "\u0001java\tscript:alert(1)");
    problem(strapi(space, STRAPI_TOKEN, bytes(event)), StatusCode.BAD_REQUEST, "fields.ctaUrl");
    assertThat(variants(space, slot)).isEmpty();

    ((ObjectNode) event.get("entry")).put("website", "https://paris.example/");
    strapi(space, STRAPI_TOKEN, bytes(event)).then().statusCode(StatusCode.OK);
    assertThat(variants(space, slot))
        .singleElement()
        .satisfies(v -> assertThat(v.get("fields").toString()).contains("https://paris.example/"));
  }

  private static String schemaSlot(String space) {
    return Fixtures.create(
        Api.slots(space), with(Samples.slot(unique("slot")), "fieldsSchema", SCHEMA));
  }

  private static Map<String, Object> variant(Map<String, Object> fields) {
    return with(Samples.variant(unique("var")), "fields", fields);
  }
}
