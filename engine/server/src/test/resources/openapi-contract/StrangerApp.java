package com.stranger.app;

import com.stranger.bespoke.ApiClient;
import com.stranger.bespoke.ApiException;
import com.stranger.bespoke.api.DeliveryApi;
import com.stranger.bespoke.api.EventsApi;
import com.stranger.bespoke.api.VisitorDataApi;
import com.stranger.bespoke.model.AcceptedResponse;
import com.stranger.bespoke.model.ConsentRef;
import com.stranger.bespoke.model.DecisionRequest;
import com.stranger.bespoke.model.DecisionsResponse;
import com.stranger.bespoke.model.EventBatchRequest;
import com.stranger.bespoke.model.EventPage;
import com.stranger.bespoke.model.EventRequest;
import com.stranger.bespoke.model.MeExport;
import com.stranger.bespoke.model.PageRef;
import com.stranger.bespoke.model.SlotDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What someone who has never seen Bespoke's code writes after generating a client from its
 * published OpenAPI description: typed calls only, no knowledge of the server's classes. Compiled
 * by OpenApiContractTest together with the generated sources, so a renamed operation or schema
 * in the description fails the test here as it would fail the stranger's build.
 *
 * <p>apply(baseUri) decides, reports events and reads /me, and answers what it saw.
 */
public class StrangerApp implements Function<String, Map<String, Object>> {

  @Override
  public Map<String, Object> apply(String baseUri) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUri);
    Map<String, Object> seen = new LinkedHashMap<>();
    try {
      DecisionsResponse answer =
          new DeliveryApi(client)
              .decide(
                  new DecisionRequest()
                      .space("default")
                      .channel("web")
                      .slots(List.of("home-hero", "promo-bar"))
                      .page(
                          new PageRef()
                              .url("https://shop.example/?utm_source=facebook")
                              .referrer("https://www.facebook.com/"))
                      .consent(new ConsentRef().personalization(true).analytics(true)),
                  null);
      SlotDecision hero = answer.getDecisions().get(0);
      seen.put("visitorId", answer.getVisitorId());
      seen.put("slots", answer.getDecisions().stream().map(SlotDecision::getSlot).toList());
      seen.put("variant", hero.getVariant().getKey());
      seen.put("fields", hero.getVariant().getFields());
      seen.put("reason", hero.getReason());
      seen.put("segments", hero.getSegments());
      seen.put("fallback", hero.getFallback());

      AcceptedResponse accepted =
          new EventsApi(client)
              .postEvents(
                  new EventBatchRequest()
                      .space("default")
                      .visitorId(answer.getVisitorId())
                      .events(
                          List.of(
                              new EventRequest().type("impression").decisionId(hero.getDecisionId()),
                              new EventRequest()
                                  .type("pageview")
                                  .page(new EventPage().url("https://shop.example/shoes/1"))
                                  .properties(Map.of("category", "shoes")))),
                  null);
      seen.put("accepted", accepted.getAccepted());

      MeExport me = readMe(new VisitorDataApi(client), answer.getVisitorId());
      seen.put("meSpace", me.getSpace());
      seen.put("meCounters", me.getVisitor().getCounters().keySet());
      seen.put("meConsent", me.getVisitor().getConsent().getPersonalization());
    } catch (ApiException e) {
      seen.put("error", e.getCode() + " " + e.getResponseBody());
    }
    return seen;
  }

  /** Profile writes land a moment after the events are accepted: ask again for a while. */
  private static MeExport readMe(VisitorDataApi api, String visitorId) throws ApiException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        MeExport me = api.getMe("default", visitorId);
        if (me.getVisitor() != null && !me.getVisitor().getCounters().isEmpty()) {
          return me;
        }
      } catch (ApiException e) {
        if (e.getCode() != 404 || System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ApiException("no counters in /me after 20 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(e);
      }
    }
  }
}
