package dev.bespoke.server.context.device;

import java.util.Map;
import java.util.Optional;
import nl.basjes.parse.useragent.classify.DeviceClass;

/**
 * Maps Yauaa's device classes onto Bespoke's five {@code device.type} values.
 *
 * <p>Classes that fit none of the five (cars, VR headsets, voice assistants, anonymised, unknown or
 * unreadable agents) map to nothing rather than to the nearest guess: a segment for "tv" should not
 * catch a smart fridge.
 */
final class DeviceTypes {

  static final String DESKTOP = "desktop";
  static final String MOBILE = "mobile";
  static final String TABLET = "tablet";
  static final String TV = "tv";
  static final String BOT = "bot";

  private static final Map<DeviceClass, String> TYPES =
      Map.ofEntries(
          Map.entry(DeviceClass.DESKTOP, DESKTOP),
          Map.entry(DeviceClass.PHONE, MOBILE),
          Map.entry(DeviceClass.MOBILE, MOBILE),
          Map.entry(DeviceClass.WATCH, MOBILE),
          Map.entry(DeviceClass.HANDHELD_GAME_CONSOLE, MOBILE),
          Map.entry(DeviceClass.TABLET, TABLET),
          Map.entry(DeviceClass.E_READER, TABLET),
          Map.entry(DeviceClass.TV, TV),
          Map.entry(DeviceClass.SET_TOP_BOX, TV),
          Map.entry(DeviceClass.GAME_CONSOLE, TV),
          Map.entry(DeviceClass.ROBOT, BOT),
          Map.entry(DeviceClass.ROBOT_MOBILE, BOT),
          // Crawlers that pose as a browser and cloud fetchers are not people: personalising for
          // them only skews experiment counts. Yauaa's "Hacker" is left out on purpose: besides
          // injection attempts it covers bare, versionless User-Agents that old phones really send
          // (SAMSUNG-SGH-L170), so it means "unreadable", not "bot".
          Map.entry(DeviceClass.ROBOT_IMITATOR, BOT),
          Map.entry(DeviceClass.CLOUD, BOT));

  private DeviceTypes() {}

  static Optional<String> of(DeviceClass deviceClass) {
    return Optional.ofNullable(deviceClass == null ? null : TYPES.get(deviceClass));
  }
}
