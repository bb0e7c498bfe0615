package dev.bespoke.server.context.device;

import dev.bespoke.server.context.support.CleanText;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.classify.UserAgentClassifier;
import org.jboss.logging.Logger;

/**
 * Classifies the device of a request from its {@code User-Agent} and {@code Sec-CH-UA-Mobile}.
 *
 * <p>Yauaa is accurate but takes about five seconds and 130 MiB to build its matchers, so it is
 * built on a background thread at start-up (unless {@code bespoke.device.await-at-startup}) and,
 * until it is ready, every request is classified {@link Device#UNKNOWN}: decisions go on without
 * {@code device.*} rather than waiting. Only the three fields Bespoke uses are computed, and
 * results are kept in a bounded LRU cache because real traffic repeats a few thousand strings.
 */
@ApplicationScoped
public class DeviceClassifier {

  /** Longer User-Agents are cut first: real ones stay well under, and parse cost grows with it. */
  public static final int MAX_USER_AGENT_LENGTH = 512;

  private static final Logger LOG = Logger.getLogger(DeviceClassifier.class);
  private static final Set<String> UNKNOWN_VALUES = Set.of("", "Unknown", "??", "Hacker");

  private final DeviceConfig config;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile UserAgentAnalyzer analyzer;

  public DeviceClassifier(DeviceConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    start();
    if (config.awaitAtStartup()) {
      awaitReady(Duration.ofMinutes(2));
    }
  }

  /** Starts building the parser on a daemon thread; later calls do nothing. */
  public void start() {
    if (!config.enabled() || !started.compareAndSet(false, true)) {
      return;
    }
    Thread loader = new Thread(this::load, "bespoke-device-parser-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /** Waits up to {@code timeout} for the parser; {@code true} when it is ready. */
  public boolean awaitReady(Duration timeout) {
    try {
      return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && analyzer != null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether requests are classified yet. */
  public boolean isReady() {
    return analyzer != null;
  }

  /**
   * The device of a request. {@code secChUaMobile} is the raw {@code Sec-CH-UA-Mobile} header:
   * {@code ?1} means the browser itself says it is on a mobile device, which beats a User-Agent
   * that Chrome's reduced form made look like a desktop (only a bot stays a bot).
   */
  public Device classify(String userAgent, String secChUaMobile) {
    Device device = parse(userAgent);
    if ("?1".equals(CleanText.blankToNull(secChUaMobile))
        && !device.type().equals(Optional.of(DeviceTypes.BOT))) {
      device = device.withType(DeviceTypes.MOBILE);
    }
    return device;
  }

  private Device parse(String userAgent) {
    UserAgentAnalyzer current = analyzer;
    String cleaned = clean(userAgent);
    if (current == null || cleaned == null) {
      return Device.UNKNOWN;
    }
    UserAgent parsed = current.parse(cleaned);
    return new Device(
        DeviceTypes.of(UserAgentClassifier.getDeviceClass(parsed)),
        known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME)).map(DeviceClassifier::osFamily),
        known(parsed.getValue(UserAgent.AGENT_NAME)));
  }

  /** Cut to {@link #MAX_USER_AGENT_LENGTH} first, so cleaning a 10 MB header costs nothing. */
  static String clean(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    return CleanText.blankToNull(
        CleanText.stripControl(CleanText.truncate(userAgent, MAX_USER_AGENT_LENGTH)));
  }

  private static Optional<String> known(String value) {
    return value == null || UNKNOWN_VALUES.contains(value) ? Optional.empty() : Optional.of(value);
  }

  /** Yauaa names kernels ("Windows NT", "Mac OS"); rule authors write the product name. */
  private static String osFamily(String name) {
    return switch (name) {
      case "Windows NT" -> "Windows";
      case "Mac OS", "Mac OS X" -> "macOS";
      default -> name;
    };
  }

  private void load() {
    long start = System.nanoTime();
    try {
      analyzer =
          UserAgentAnalyzer.newBuilder()
              .withField(UserAgent.DEVICE_CLASS)
              .withField(UserAgent.OPERATING_SYSTEM_NAME)
              .withField(UserAgent.AGENT_NAME)
              .withCache(config.cacheSize())
              .hideMatcherLoadStats()
              .dropTests()
              .immediateInitialization()
              .build();
      LOG.infof(
          "Device classification ready after %d ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (RuntimeException | LinkageError e) {
      // Without a parser Bespoke still decides, only without device.* attributes.
      LOG.error("Device classification is unavailable: the User-Agent parser failed to load", e);
    } finally {
      ready.countDown();
    }
  }

  @PreDestroy
  void stop() {
    UserAgentAnalyzer current = analyzer;
    analyzer = null;
    if (current != null) {
      current.destroy();
    }
  }
}
