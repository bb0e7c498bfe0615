package dev.bespoke.server.testsupport;

import static dev.bespoke.server.testsupport.Api.EDITOR;
import static dev.bespoke.server.testsupport.Api.as;
import static dev.bespoke.server.testsupport.Samples.with;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse.StatusCode;

/** Bandit slots over the admin API, and their standings. */
public final class Bandits {

  private Bandits() {}

  /** A published slot with strategy {@code bandit}, a default {@code base} and these variants. */
  public static String banditSlot(String space, String... variants) {
    String slot = Fixtures.newSlot(space);
    String url = Api.slots(space) + "/" + slot;
    long version = Fixtures.version(url);
    Map<String, Object> body =
        with(with(Samples.slot(slot), "strategy", "bandit"), "version", version);
    as(EDITOR).contentType(ContentType.JSON).body(body).put(url).then().statusCode(StatusCode.OK);
    String variantsUrl = Api.variants(space, slot);
    Fixtures.create(variantsUrl, with(Samples.variant("base"), "isDefault", true));
    for (String variant : variants) {
      Fixtures.create(variantsUrl, Samples.variant(variant));
    }
    Fixtures.publish(url);
    Fixtures.publish(variantsUrl + "/base");
    for (String variant : variants) {
      Fixtures.publish(variantsUrl + "/" + variant);
    }
    return slot;
  }

  public static JsonPath standings(String space, String slot) {
    return as(EDITOR)
        .get(Api.slots(space) + "/" + slot + "/bandit")
        .then()
        .statusCode(StatusCode.OK)
        .extract()
        .jsonPath();
  }

  /** Rewards of every variant of the slot, all contexts together. */
  public static long allRewards(String space, String slot) {
    List<Integer> n = standings(space, slot).getList("contexts.variants.flatten().rewards");
    return n.stream().mapToLong(Integer::longValue).sum();
  }

  /** Rewards of one variant, all contexts together. */
  public static long rewardsOf(String space, String slot, String variant) {
    List<Integer> n =
        standings(space, slot)
            .getList(
                "contexts.variants.flatten().findAll { it.variant == '" + variant + "' }.rewards");
    return n.stream().mapToLong(Integer::longValue).sum();
  }
}
