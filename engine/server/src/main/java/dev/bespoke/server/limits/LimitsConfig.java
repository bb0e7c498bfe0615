package dev.bespoke.server.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code bespoke.limits.*}: what one request, and one client, may ask of a node. */
@ConfigMapping(prefix = "bespoke.limits")
public interface LimitsConfig {

  /** Largest body of a delivery request ({@code /decisions}, {@code /me}); 413 beyond it. */
  @WithDefault("128K")
  MemorySize deliveryBodySize();

  /** Largest body of an events batch; 413 beyond it (100 events fit with room to spare). */
  @WithDefault("256K")
  MemorySize eventsBodySize();

  /** Per-client rate limiting of the public APIs. */
  Rate rate();

  /**
   * Peers (addresses or CIDRs, such as {@code 10.0.0.0/8}) whose {@code X-Forwarded-For} is
   * believed. From any other peer the header is ignored and the peer is the client.
   */
  Optional<List<String>> trustedProxies();

  /** A token bucket per client address for the delivery and events APIs. */
  interface Rate {

    /**
     * On by default: without it one script can mint visitors and send conversions as fast as the
     * node answers (docs/security.md, "Manufactured results").
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Requests a second one client address may sustain. A shop page costs a visitor one decisions
     * request and one or two event batches; ten a second leaves room for a busy single-page app.
     */
    @WithDefault("10")
    int perSecond();

    /** Requests one client address may send at once above the sustained rate. */
    @WithDefault("40")
    int burst();

    /** Clients tracked at once; the idle ones are forgotten first, so memory stays bounded. */
    @WithDefault("100000")
    int maxClients();
  }
}
