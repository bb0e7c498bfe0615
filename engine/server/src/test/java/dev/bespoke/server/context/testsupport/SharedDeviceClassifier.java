package dev.bespoke.server.context.testsupport;

import dev.bespoke.server.context.device.DeviceClassifier;
import java.time.Duration;

/** One ready {@link DeviceClassifier} for all tests: building the parser takes seconds. */
public final class SharedDeviceClassifier {

  private static DeviceClassifier instance;

  private SharedDeviceClassifier() {}

  public static synchronized DeviceClassifier get() {
    if (instance == null) {
      DeviceClassifier classifier = new DeviceClassifier(Configs.device());
      classifier.start();
      if (!classifier.awaitReady(Duration.ofMinutes(3))) {
        throw new IllegalStateException("the User-Agent parser did not load");
      }
      instance = classifier;
    }
    return instance;
  }
}
