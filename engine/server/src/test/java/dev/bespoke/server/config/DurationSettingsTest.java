package dev.bespoke.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bespoke.server.bandit.BanditConfig;
import dev.bespoke.server.context.geo.GeoConfig;
import dev.bespoke.server.context.session.SessionConfig;
import dev.bespoke.server.context.visitor.CookieConfig;
import dev.bespoke.server.events.EventsConfig;
import dev.bespoke.server.experiment.ExperimentConfig;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.security.LoginThrottleConfig;
import dev.bespoke.server.snapshot.SnapshotConfig;
import dev.bespoke.ui.support.ConsoleConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14 item 9: a duration setting the application cannot work with is refused when it starts,
 * naming the setting, instead of failing requests later (a profile timeout under the timer's 1 ms
 * resolution turned every returning visitor's decision into a 500). Every duration of every mapping
 * listed here must refuse a negative value, so a new setting without a bound fails here.
 */
class DurationSettingsTest {

  private static final List<Class<?>> MAPPINGS =
      List.of(
          ProfileConfig.class,
          SnapshotConfig.class,
          ExperimentConfig.class,
          EventsConfig.class,
          BanditConfig.class,
          GeoConfig.class,
          SessionConfig.class,
          CookieConfig.class,
          LoginThrottleConfig.class,
          ConsoleConfig.class);

  @Test
  void theDefaultsAreValid() {
    for (Class<?> mapping : MAPPINGS) {
      load(mapping, Map.of());
    }
  }

  @Test
  void aProfileTimeoutUnderOneMillisecondIsRefusedAtStart() {
    assertThatThrownBy(
            () -> load(ProfileConfig.class, Map.of("bespoke.profile.timeout", "PT0.0005S")))
        .hasMessageContaining("bespoke.profile.timeout");
    assertThat(load(ProfileConfig.class, Map.of("bespoke.profile.timeout", "PT0.001S")).timeout())
        .isEqualTo(Duration.ofMillis(1));
  }

  @TestFactory
  Stream<DynamicTest> everyDurationSettingRefusesANegativeValue() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> mapping : MAPPINGS) {
      String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
      for (String name : durationNames(mapping, prefix)) {
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () ->
                    assertThatThrownBy(() -> load(mapping, Map.of(name, "-PT1S")))
                        .hasMessageContaining(name)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static <T> T load(Class<T> mapping, Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(mapping)
            // Quarkus' own reading of durations, which also takes "5s" and "10m".
            .withConverter(Duration.class, 200, new DurationConverter())
            .withValidator(new BeanValidationConfigValidatorImpl())
            .withSources(new PropertiesConfigSource(values, "test", 500))
            .build();
    return config.getConfigMapping(mapping);
  }

  /** Property names of the mapping's durations, nested groups included (kebab-case, as mapped). */
  private static List<String> durationNames(Class<?> type, String prefix) {
    List<String> names = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (method.isDefault() || method.getParameterCount() > 0) {
        continue;
      }
      String name = prefix + "." + kebab(method.getName());
      if (method.getReturnType() == Duration.class) {
        names.add(name);
      } else if (method.getReturnType().isInterface()
          && method.getReturnType().getEnclosingClass() == type) {
        names.addAll(durationNames(method.getReturnType(), name));
      }
    }
    return names;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
