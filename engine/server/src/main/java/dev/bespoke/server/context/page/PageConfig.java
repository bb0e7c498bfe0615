package dev.bespoke.server.context.page;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Extra hosts for the touchpoint classification, on top of the built-in lists. */
@ConfigMapping(prefix = "bespoke.page")
public interface PageConfig {

  /** Hosts (and their subdomains) counted as search engines, e.g. {@code search.example}. */
  Optional<List<String>> searchHosts();

  /** Hosts (and their subdomains) counted as social networks. */
  Optional<List<String>> socialHosts();

  /** Hosts (and their subdomains) counted as webmail, so their links count as email. */
  Optional<List<String>> emailHosts();

  /**
   * Hosts that belong to the site itself besides the page's own host (a shop on several domains),
   * so moving between them is not a referral.
   */
  Optional<List<String>> internalHosts();
}
