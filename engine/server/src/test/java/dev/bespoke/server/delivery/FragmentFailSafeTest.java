package dev.bespoke.server.delivery;

import static dev.bespoke.server.testsupport.Fixtures.create;
import static dev.bespoke.server.testsupport.Fixtures.newSpace;
import static dev.bespoke.server.testsupport.Fixtures.publish;
import static dev.bespoke.server.testsupport.Samples.map;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.bespoke.server.profile.testsupport.Eventually;
import dev.bespoke.server.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fragment is included in someone else's page: a variant whose fields do not fit the slot's
 * template must not turn into a 500 there. Regression test for the built-in template failing on a
 * variant without an {@code image} field.
 */
@QuarkusTest
class FragmentFailSafeTest {

  @Test
  void aVariantWithoutOptionalFieldsRendersThroughTheBuiltInTemplate() {
    given()
        .queryParam("space", "default")
        .queryParam("channel", "web")
        .get("/api/v1/slots/promo-bar/fragment")
        .then()
        .statusCode(200)
        .header(FragmentResource.FALLBACK_HEADER, "false")
        .body(containsString("Free returns within 30 days"))
        .body(not(containsString("<img")));
  }

  @Test
  void aTemplateThatFailsOnTheChosenVariantServesTheDefaultAndSaysSo() {
    String space = newSpace();
    String slot =
        create(
            Api.slots(space),
            map(
                "key", "teaser",
                "name", "Teaser",
                "channels", List.of("web"),
                "template", "<h2>{fields.headline.text}</h2>"));
    publish(Api.slots(space) + "/" + slot);
    String everyone =
        create(
            Api.segments(space),
            map(
                "key", "everyone",
                "name", "Everyone on the web",
                "rule", Map.of("attr", "channel", "op", "eq", "value", "web")));
    publish(Api.segments(space) + "/" + everyone);
    String variants = Api.variants(space, slot);
    publish(
        variants
            + "/"
            + create(
                variants,
                map(
                    "key",
                    "teaser-default",
                    "name",
                    "Default",
                    "isDefault",
                    true,
                    "fields",
                    Map.of("headline", Map.of("text", "Hello from the default")))));
    publish(
        variants
            + "/"
            + create(
                variants,
                map(
                    "key",
                    "teaser-broken",
                    "name",
                    "Fields that do not fit the template",
                    "segments",
                    List.of(everyone),
                    "priority",
                    10,
                    "fields",
                    Map.of("title", "no headline here"))));

    // publishing refreshes the snapshot after commit; allow the refresh a moment
    Eventually.until(
        Duration.ofSeconds(10),
        () ->
            "teaser-broken"
                .equals(
                    given()
                        .contentType("application/json")
                        .body(map("space", space, "channel", "web", "slots", List.of(slot)))
                        .post("/api/v1/decisions")
                        .path("decisions[0].variant.key")));
    given()
        .queryParam("space", space)
        .queryParam("channel", "web")
        .get("/api/v1/slots/teaser/fragment")
        .then()
        .statusCode(200)
        .header(FragmentResource.FALLBACK_HEADER, "true")
        .body(containsString("Hello from the default"));
  }
}
