package dev.bespoke.server.context.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.testsupport.Configs;
import dev.bespoke.server.context.testsupport.SharedDeviceClassifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceClassifierTest {

  private static final String CHROME_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  private static final String SAFARI_IPAD =
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.5 Mobile/15E148 Safari/604.1";
  private static final String CHROME_ANDROID_PHONE =
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Mobile Safari/537.36";
  private static final String FACEBOOK_APP_TABLET =
      "Mozilla/5.0 (Linux; Android 13; SM-X200 Build/TP1A.220624.014; wv) AppleWebKit/537.36"
          + " (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Safari/537.36"
          + " [FB_IAB/FB4A;FBAV/446.0.0.37.107;]";
  private static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private final DeviceClassifier classifier = SharedDeviceClassifier.get();

  @Test
  void namesTypeOsAndBrowserOfCommonDevices() {
    assertThat(classifier.classify(CHROME_WINDOWS, null))
        .isEqualTo(device("desktop", "Windows", "Chrome"));
    assertThat(classifier.classify(SAFARI_IPAD, null))
        .extracting(d -> d.type().orElseThrow())
        .isEqualTo("tablet");
    assertThat(classifier.classify(CHROME_ANDROID_PHONE, null).type()).contains("mobile");
    assertThat(classifier.classify(FACEBOOK_APP_TABLET, null).type()).contains("tablet");
    assertThat(classifier.classify(GOOGLEBOT, null).type()).contains("bot");
  }

  @Test
  void mobileClientHintMakesADesktopLookingAgentMobile() {
    assertThat(classifier.classify(CHROME_WINDOWS, "?1").type()).contains("mobile");
    assertThat(classifier.classify(CHROME_WINDOWS, "?0").type()).contains("desktop");
    assertThat(classifier.classify(null, "?1").type()).contains("mobile");
    assertThat(classifier.classify(GOOGLEBOT, "?1").type()).contains("bot");
  }

  @Test
  void survivesHostileUserAgents() {
    String huge = "Mozilla/5.0 " + "A".repeat(10 * 1024);
    String semicolons = "Mozilla/5.0 (" + ";".repeat(5_000);
    String control = "Mozilla/5.0 (Windows NT 10.0;\r\n Win64\u0000; x64)\u001b[31m Chrome/131.0";
    for (String ua : new String[] {huge, semicolons, control, "", "   ", "\u0000", "(((((("}) {
      long start = System.nanoTime();
      Device device = classifier.classify(ua, null);
      assertThat(device).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(classifier.classify(null, null)).isEqualTo(Device.UNKNOWN);
  }

  @Test
  void cleaningCutsFirstAndDropsControlCharacters() {
    String cleaned = DeviceClassifier.clean("A\r\nB\u0000C" + "x".repeat(10_000));
    assertThat(cleaned).startsWith("ABC").doesNotContain("\r", "\n", "\u0000");
    assertThat(cleaned.length()).isLessThanOrEqualTo(DeviceClassifier.MAX_USER_AGENT_LENGTH);
    assertThat(DeviceClassifier.clean(" \u0007 ")).isNull();
  }

  @Test
  void answersUnknownUntilTheParserIsReady() {
    DeviceClassifier notStarted = new DeviceClassifier(Configs.device());
    assertThat(notStarted.isReady()).isFalse();
    assertThat(notStarted.classify(CHROME_WINDOWS, null)).isEqualTo(Device.UNKNOWN);
    assertThat(notStarted.awaitReady(Duration.ofMillis(10))).isFalse();
  }

  @Test
  void disabledClassifierNeverStarts() {
    DeviceClassifier disabled = new DeviceClassifier(new Configs.Device(false, 10, false));
    disabled.start();
    assertThat(disabled.awaitReady(Duration.ofMillis(50))).isFalse();
    assertThat(disabled.classify(CHROME_WINDOWS, "?1"))
        .isEqualTo(Device.UNKNOWN.withType("mobile"));
  }

  @Test
  void addsOnlyKnownPartsAsAttributes() {
    Map<String, Object> attributes = new HashMap<>();
    device("tablet", "iOS", "Safari").addTo(attributes);
    assertThat(attributes)
        .containsEntry("device.type", "tablet")
        .containsEntry("device.os", "iOS")
        .containsEntry("device.browser", "Safari");
    Map<String, Object> none = new HashMap<>();
    Device.UNKNOWN.addTo(none);
    assertThat(none).isEmpty();
  }

  private static Device device(String type, String os, String browser) {
    return new Device(
        java.util.Optional.of(type), java.util.Optional.of(os), java.util.Optional.of(browser));
  }
}
