package dev.bespoke.server.context.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides the {@link Touchpoint}. Campaign tags (UTM parameters, ad click ids) decide first, in
 * this order; when none applies, the referrer decides; without either the visit is direct:
 *
 * <ol>
 *   <li>paid: {@code utm_medium} is cpc, ppc, cpm, cpv (anything with "cp"), display, banner,
 *       retargeting or starts with "paid"; or an ad click id ({@code gclid}, {@code fbclid}, …) is
 *       present;
 *   <li>email: {@code utm_medium} or {@code utm_source} is email, e-mail or newsletter;
 *   <li>social: {@code utm_medium} is social (social-media, social-network, sm) or {@code
 *       utm_source} names a social network;
 *   <li>search: {@code utm_medium} is organic or {@code utm_source} names a search engine;
 *   <li>referral: {@code utm_medium} is referral or affiliate;
 *   <li>then the referrer: webmail host or mail app → email, social network → social, search engine
 *       → search, the site itself → direct, any other site → referral.
 * </ol>
 *
 * <p>The order follows common analytics practice (explicit campaign tags beat the referrer, paid
 * beats organic). It is documented in docs/sessions.md; keep the two in step.
 */
final class TouchpointClassifier {

  static final Set<String> CLICK_IDS =
      Set.of(
          "gclid",
          "gbraid",
          "wbraid",
          "dclid",
          "msclkid",
          "fbclid",
          "ttclid",
          "twclid",
          "li_fat_id");

  private static final Pattern PAID_MEDIUM =
      Pattern.compile("^(.*cp.*|ppc|display|banner|retargeting|paid.*)$");
  private static final Set<String> EMAIL_TAGS = Set.of("email", "e-mail", "e_mail", "newsletter");
  private static final Set<String> SOCIAL_MEDIUMS =
      Set.of("social", "social-media", "social_media", "social-network", "social_network", "sm");
  private static final Set<String> REFERRAL_MEDIUMS = Set.of("referral", "affiliate", "affiliates");

  private static final List<String> SEARCH_BRANDS =
      List.of("google", "bing", "yandex", "baidu", "duckduckgo", "ecosia", "qwant", "startpage");
  private static final List<String> SEARCH_DOMAINS =
      List.of(
          "search.yahoo.com",
          "search.brave.com",
          "search.aol.com",
          "naver.com",
          "seznam.cz",
          "sogou.com",
          "so.com",
          "ask.com",
          "kagi.com",
          "yandex.com",
          "yandex.ru");
  private static final List<String> SOCIAL_BRANDS =
      List.of(
          "facebook",
          "instagram",
          "pinterest",
          "linkedin",
          "twitter",
          "tiktok",
          "reddit",
          "youtube");
  private static final List<String> SOCIAL_DOMAINS =
      List.of(
          "fb.com",
          "fb.me",
          "messenger.com",
          "threads.net",
          "threads.com",
          "x.com",
          "t.co",
          "lnkd.in",
          "youtu.be",
          "snapchat.com",
          "tumblr.com",
          "vk.com",
          "weibo.com",
          "bsky.app",
          "mastodon.social",
          "quora.com",
          "whatsapp.com",
          "wa.me",
          "t.me",
          "telegram.org",
          "discord.com",
          "twitch.tv");
  private static final List<String> EMAIL_DOMAINS =
      List.of(
          "mail.google.com",
          "inbox.google.com",
          "outlook.live.com",
          "outlook.office.com",
          "outlook.office365.com",
          "mail.yahoo.com",
          "mail.aol.com",
          "mail.proton.me",
          "mail.protonmail.com",
          "mail.yandex.ru",
          "mail.yandex.com",
          "e.mail.ru",
          "mail.zoho.com",
          "mail.zoho.eu",
          "app.fastmail.com",
          "mail.gmx.net",
          "mail.gmx.com",
          "mail.web.de",
          "webmail.kpnmail.nl",
          "mail.ziggo.nl",
          "mail.icloud.com");
  private static final Set<String> SOCIAL_SOURCES =
      Set.of(
          "facebook",
          "fb",
          "instagram",
          "ig",
          "twitter",
          "x",
          "linkedin",
          "pinterest",
          "tiktok",
          "reddit",
          "youtube",
          "snapchat",
          "threads",
          "whatsapp",
          "bluesky",
          "mastodon");
  private static final Set<String> SEARCH_SOURCES =
      Set.of(
          "google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "qwant", "brave");

  /** Android apps send {@code android-app://<package>} as the referrer. */
  private static final Map<String, Touchpoint> APPS =
      Map.ofEntries(
          Map.entry("com.google.android.gm", Touchpoint.EMAIL),
          Map.entry("com.microsoft.office.outlook", Touchpoint.EMAIL),
          Map.entry("com.google.android.googlequicksearchbox", Touchpoint.SEARCH),
          Map.entry("com.facebook.katana", Touchpoint.SOCIAL),
          Map.entry("com.facebook.orca", Touchpoint.SOCIAL),
          Map.entry("com.instagram.android", Touchpoint.SOCIAL),
          Map.entry("com.twitter.android", Touchpoint.SOCIAL),
          Map.entry("com.linkedin.android", Touchpoint.SOCIAL),
          Map.entry("com.pinterest", Touchpoint.SOCIAL),
          Map.entry("com.reddit.frontpage", Touchpoint.SOCIAL),
          Map.entry("com.zhiliaoapp.musically", Touchpoint.SOCIAL),
          Map.entry("org.telegram.messenger", Touchpoint.SOCIAL),
          Map.entry("com.whatsapp", Touchpoint.SOCIAL));

  private final HostSet search;
  private final HostSet social;
  private final HostSet email;
  private final HostSet internal;

  TouchpointClassifier(PageConfig config) {
    search =
        new HostSet()
            .brands(SEARCH_BRANDS)
            .domains(SEARCH_DOMAINS)
            .domains(config.searchHosts().orElse(List.of()));
    social =
        new HostSet()
            .brands(SOCIAL_BRANDS)
            .domains(SOCIAL_DOMAINS)
            .domains(config.socialHosts().orElse(List.of()));
    email = new HostSet().domains(EMAIL_DOMAINS).domains(config.emailHosts().orElse(List.of()));
    internal = new HostSet().domains(config.internalHosts().orElse(List.of()));
  }

  /**
   * @param params lower-cased {@code utm_source}, {@code utm_medium} and click ids of the page URL
   * @param referrer the referrer's scheme and host when known
   * @param pageHost the page's own host when known
   */
  Touchpoint classify(Map<String, String> params, Referrer referrer, Optional<String> pageHost) {
    return byTags(params).or(() -> byReferrer(referrer, pageHost)).orElse(Touchpoint.DIRECT);
  }

  /** Campaign tags are set on purpose by the marketer, so they beat whatever the referrer says. */
  private static Optional<Touchpoint> byTags(Map<String, String> params) {
    String medium = params.getOrDefault("utm_medium", "");
    String source = params.getOrDefault("utm_source", "");
    if (PAID_MEDIUM.matcher(medium).matches()
        || params.keySet().stream().anyMatch(CLICK_IDS::contains)) {
      return Optional.of(Touchpoint.PAID);
    }
    if (EMAIL_TAGS.contains(medium) || EMAIL_TAGS.contains(source)) {
      return Optional.of(Touchpoint.EMAIL);
    }
    if (SOCIAL_MEDIUMS.contains(medium) || SOCIAL_SOURCES.contains(source)) {
      return Optional.of(Touchpoint.SOCIAL);
    }
    if (medium.equals("organic") || SEARCH_SOURCES.contains(source)) {
      return Optional.of(Touchpoint.SEARCH);
    }
    if (REFERRAL_MEDIUMS.contains(medium)) {
      return Optional.of(Touchpoint.REFERRAL);
    }
    return Optional.empty();
  }

  private Optional<Touchpoint> byReferrer(Referrer referrer, Optional<String> pageHost) {
    if (referrer == null) {
      return Optional.empty();
    }
    if (referrer.scheme().equals("android-app")) {
      return Optional.of(APPS.getOrDefault(referrer.host(), Touchpoint.REFERRAL));
    }
    String host = referrer.host();
    if (isInternal(host, pageHost)) {
      return Optional.empty();
    }
    if (email.matches(host) || host.startsWith("webmail.")) {
      return Optional.of(Touchpoint.EMAIL);
    }
    if (social.matches(host)) {
      return Optional.of(Touchpoint.SOCIAL);
    }
    if (search.matches(host)) {
      return Optional.of(Touchpoint.SEARCH);
    }
    return Optional.of(Touchpoint.REFERRAL);
  }

  /** Same site: the page's host, a www. variant of it, or a configured internal host. */
  private boolean isInternal(String host, Optional<String> pageHost) {
    if (internal.matches(host)) {
      return true;
    }
    if (pageHost.isEmpty()) {
      return false;
    }
    return withoutWww(host).equals(withoutWww(pageHost.get()));
  }

  private static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** A referrer reduced to what classification needs. */
  record Referrer(String scheme, String host) {}
}
