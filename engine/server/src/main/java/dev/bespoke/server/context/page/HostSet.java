package dev.bespoke.server.context.page;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hosts matched by domain and by brand.
 *
 * <p>A domain matches itself and its subdomains ({@code facebook.com} matches {@code
 * l.facebook.com}). A brand matches the brand label followed by at most two short labels, which is
 * how country domains look ({@code google.nl}, {@code google.co.uk}, {@code yandex.com.tr}) without
 * shipping the public suffix list; {@code google.attacker.example} does not match. The touchpoint
 * is a marketing label, not a security decision, so this approximation is enough.
 */
final class HostSet {

  private final Set<String> domains = new HashSet<>();
  private final Set<String> brands = new HashSet<>();

  HostSet domains(Collection<String> names) {
    names.forEach(n -> domains.add(normal(n)));
    return this;
  }

  HostSet brands(Collection<String> names) {
    names.forEach(n -> brands.add(normal(n)));
    return this;
  }

  boolean matches(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    for (String candidate = host; ; ) {
      if (domains.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        break;
      }
      candidate = candidate.substring(dot + 1);
    }
    return !brands.isEmpty() && matchesBrand(host.split("\\."));
  }

  private boolean matchesBrand(String[] labels) {
    for (int i = 0; i < labels.length; i++) {
      if (brands.contains(labels[i])) {
        int rest = labels.length - i - 1;
        if (rest < 1 || rest > 2) {
          continue;
        }
        boolean shortSuffix = true;
        for (int j = i + 1; j < labels.length; j++) {
          shortSuffix &= !labels[j].isEmpty() && labels[j].length() <= 3;
        }
        if (shortSuffix) {
          return true;
        }
      }
    }
    return false;
  }

  private static String normal(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.startsWith(".") ? n.substring(1) : n;
  }
}
