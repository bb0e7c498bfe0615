package dev.bespoke.server.profile.service;

import java.time.Duration;

/** The profile store cannot answer now (down, slow, breaker open); the caller may retry. */
public class ProfileUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public ProfileUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
