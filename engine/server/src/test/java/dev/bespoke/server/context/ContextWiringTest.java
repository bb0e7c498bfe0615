package dev.bespoke.server.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.device.DeviceClassifier;
import dev.bespoke.server.context.geo.GeoResolver;
import dev.bespoke.server.context.session.SessionVerifier;
import dev.bespoke.server.context.visitor.Signers;
import dev.bespoke.server.context.visitor.VisitorIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The beans as Quarkus wires them with the test profile's configuration: the mappings load, the
 * parser starts in the background, the signing key comes from {@code %test.bespoke.cookie.secret},
 * geo trusts only {@code CF-IPCountry} and sessions verify with the test HS256 secret.
 */
@QuarkusTest
class ContextWiringTest {

  @Inject RequestContextResolver resolver;
  @Inject DeviceClassifier devices;
  @Inject GeoResolver geo;
  @Inject SessionVerifier sessions;
  @Inject VisitorIds ids;
  @Inject Signers signers;

  @Test
  void resolvesARequestWithTheConfiguredBeans() {
    assertThat(devices.awaitReady(Duration.ofMinutes(2))).isTrue();
    ResolvedRequest resolved =
        resolver.resolve(
            IncomingRequest.builder()
                .headers(
                    Headers.of(
                        "User-Agent",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                        "CF-IPCountry",
                        "NL",
                        "X-Country",
                        "DE"))
                .channel("web")
                .pageUrl("https://shop.example/?utm_medium=email")
                .build(),
            false);
    assertThat(ids.verify(resolved.visitorId())).isPresent();
    assertThat(resolved.attributes())
        .containsEntry("device.type", "mobile")
        .containsEntry("device.os", "iOS")
        .containsEntry("touchpoint", "email")
        // only the header the test profile names is trusted
        .containsEntry("geo.country", "NL");
    assertThat(geo.hasDatabase()).isFalse();
    assertThat(sessions.isConfigured()).isTrue();
    assertThat(
            signers.forPurpose("decision-id").verify(signers.forPurpose("decision-id").sign("d")))
        .contains("d");
    assertThat(resolved.attributes()).isEqualTo(Map.copyOf(resolved.attributes()));
  }
}
