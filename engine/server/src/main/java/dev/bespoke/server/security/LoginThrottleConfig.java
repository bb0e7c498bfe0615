package dev.bespoke.server.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** {@code bespoke.login-throttle.*}: failed logins per user name, then a doubling lock-out. */
@ConfigMapping(prefix = "bespoke.login-throttle")
public interface LoginThrottleConfig {

  /** Failures allowed before the first lock-out. */
  @WithDefault("5")
  int freeFailures();

  /** The first lock-out; each further failure doubles it. */
  @WithDefault("1s")
  @DurationMin(millis = 1)
  Duration initialLockout();

  /** The longest lock-out. */
  @WithDefault("15m")
  @DurationMin(millis = 1)
  Duration maxLockout();

  /** Failures older than this are forgotten. */
  @WithDefault("1h")
  @DurationMin(millis = 1)
  Duration window();
}
