package dev.bespoke.server.context.device;

import java.util.Map;
import java.util.Optional;

/**
 * What a request says about the visitor's device. Each part is empty when unknown, so a rule
 * testing it fails closed instead of matching a made-up value.
 *
 * @param type one of {@code desktop, mobile, tablet, tv, bot}
 * @param os operating system family, e.g. {@code Android}, {@code iOS}, {@code Windows}
 * @param browser browser family, e.g. {@code Chrome}, {@code Safari}
 */
public record Device(Optional<String> type, Optional<String> os, Optional<String> browser) {

  public static final Device UNKNOWN =
      new Device(Optional.empty(), Optional.empty(), Optional.empty());

  /** Puts the known parts under {@code device.type}, {@code device.os}, {@code device.browser}. */
  public void addTo(Map<String, Object> attributes) {
    type.ifPresent(v -> attributes.put("device.type", v));
    os.ifPresent(v -> attributes.put("device.os", v));
    browser.ifPresent(v -> attributes.put("device.browser", v));
  }

  Device withType(String newType) {
    return new Device(Optional.of(newType), os, browser);
  }
}
