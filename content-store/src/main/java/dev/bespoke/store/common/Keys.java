package dev.bespoke.store.common;

import java.util.regex.Pattern;

/** The syntax of keys: short, lower-case and URL-safe, so they can stand in paths unescaped. */
public final class Keys {

  public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public static final String RULE = "must match [a-z0-9][a-z0-9-]{0,63}";

  /** Channels are open-ended (web, mobile, email, kiosk, …) but written like keys. */
  public static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public static final String CHANNEL_RULE = "must be a channel name matching [a-z][a-z0-9-]{0,31}";

  /** A BCP 47 language tag in its common forms: nl, nl-NL, zh-Hant-TW. */
  public static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

  public static final String LOCALE_RULE = "must be a language tag such as nl or nl-NL";

  private Keys() {}

  public static boolean isValid(String key) {
    return key != null && KEY.matcher(key).matches();
  }
}
