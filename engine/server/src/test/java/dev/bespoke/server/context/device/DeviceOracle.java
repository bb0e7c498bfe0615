package dev.bespoke.server.context.device;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The device type a uap-core {@code test_device.yaml} case should get, derived from its family,
 * brand and model only (never from what Bespoke's parser says), or empty when those fields do not
 * settle it.
 *
 * <ol>
 *   <li>family {@code Spider} → bot;
 *   <li>TV sets, streaming sticks and home consoles by family (HbbTV, NetCast, Inettv, Chromecast,
 *       Roku, AppleTV, WebTV, GoogleTV, "Smart TV", "Android TV", "TV Box", PlayStation 3/4, Xbox,
 *       Wii) → tv;
 *   <li>handheld consoles (Nintendo DS/3DS, PlayStation Vita/Portable) → mobile;
 *   <li>tablet names in family or model (iPad, Kindle, Nook/BNTV, Tab, Tablet, Pad, Xoom, PlayBook,
 *       Flyer, Transformer, Nexus 7/9/10) or Samsung tablet model codes (SM-T, SM-P, GT-P, GT-N8)
 *       or Sony tablet codes (SGP) → tablet;
 *   <li>iPhone, iPod, Apple Watch, Generic Smartphone, Generic Feature Phone → mobile;
 *   <li>any other device of a brand that makes (almost) only phones → mobile: the brands are listed
 *       below; makers with large tablet ranges (Lenovo, Asus, Acer, Archos, …) are left undecided;
 *   <li>family {@code Other} on a desktop operating system (Windows NT, Macintosh, X11, CrOS) with
 *       no mobile or crawler word → desktop.
 * </ol>
 *
 * <p>The oracle is itself approximate (a phone maker's odd tablet under a model code without "Tab"
 * counts as a phone), which caps the share any parser can reach against it.
 */
final class DeviceOracle {

  private static final Pattern TV =
      Pattern.compile(
          "(?i)^(HbbTV|NetCast\\.TV|NetCast\\.Media|Inettv|Chromecast|Roku|AppleTV|WebTV|GoogleTV)$"
              + "|Google TV|smart-?tv|smart tv|Android TV|TV BOX|^PlayStation [2345]$|Xbox|Wii");
  private static final Pattern HANDHELD =
      Pattern.compile("^(Nintendo (DS|DSi|3DS)|PlayStation (Vita|Portable))$");
  private static final Pattern TABLET =
      Pattern.compile(
          "(?i)iPad|Kindle|Nook|BNTV|BNRV|Tablet|\\bTab|Tab\\b|Pad\\b|MediaPad|Xoom|PlayBook|Flyer"
              + "|Transformer|Nexus (7|9|10)\\b");
  private static final Pattern SAMSUNG_TABLET = Pattern.compile("^(SM-T|SM-P|GT-P|GT-N8)");
  private static final Pattern SONY_TABLET = Pattern.compile("^SGP");
  private static final Pattern MOBILE_FAMILY =
      Pattern.compile("^(iPhone|iPod|Apple Watch|Generic Smartphone|Generic Feature Phone)$");
  private static final Set<String> PHONE_BRANDS =
      Set.of(
          "Nokia",
          "SonyEricsson",
          "Siemens",
          "BlackBerry",
          "HTC",
          "Motorola",
          "Pantech",
          "Sharp",
          "Kyocera",
          "DoCoMo",
          "Alcatel",
          "ZTE",
          "Huawei",
          "Samsung",
          "samsung",
          "LG",
          "Sony",
          "Micromax",
          "Oppo",
          "Gionee",
          "Coolpad",
          "Spice",
          "Celkon",
          "Fly",
          "Blu",
          "XiaoMi",
          "OnePlus",
          "vivo",
          "Meizu",
          "Amoi",
          "Sprint",
          "Zopo",
          "imobile",
          "Karbonn",
          "Lava",
          "Intex",
          "Tecno",
          "Infinix",
          "Palm",
          "Sagem",
          "Panasonic",
          "NEC",
          "Fujitsu");
  private static final Pattern DESKTOP_OS = Pattern.compile("Windows NT|Macintosh|X11|CrOS");
  private static final Pattern NOT_DESKTOP =
      Pattern.compile("(?i)mobile|android|iphone|ipad|bot|crawl|spider|slurp|tablet");

  private DeviceOracle() {}

  static Optional<String> expected(String userAgent, String family, String brand, String model) {
    String f = family == null ? "" : family;
    String m = model == null ? "" : model;
    if (f.equals("Spider")) {
      return Optional.of(DeviceTypes.BOT);
    }
    if (TV.matcher(f).find()) {
      return Optional.of(DeviceTypes.TV);
    }
    if (HANDHELD.matcher(f).matches()) {
      return Optional.of(DeviceTypes.MOBILE);
    }
    boolean samsung = "Samsung".equalsIgnoreCase(brand);
    if (TABLET.matcher(f).find()
        || TABLET.matcher(m).find()
        || (samsung && SAMSUNG_TABLET.matcher(m).find())
        || ("Sony".equals(brand) && SONY_TABLET.matcher(m).find())) {
      return Optional.of(DeviceTypes.TABLET);
    }
    if (MOBILE_FAMILY.matcher(f).matches() || (brand != null && PHONE_BRANDS.contains(brand))) {
      return Optional.of(DeviceTypes.MOBILE);
    }
    if (f.equals("Other")
        && DESKTOP_OS.matcher(userAgent).find()
        && !NOT_DESKTOP.matcher(userAgent).find()) {
      return Optional.of(DeviceTypes.DESKTOP);
    }
    return Optional.empty();
  }
}
