package dev.bespoke.server.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for rate limits: the peer that opened the connection, unless that peer is one
 * of our own proxies ({@code bespoke.limits.trusted-proxies}); then the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Reading from the right matters: the
 * left end of the header is whatever the client wrote, so trusting it would let anyone choose an
 * address per request and never be limited.
 */
@ApplicationScoped
public class ClientAddresses {

  /** A chain longer than this is not from our proxies; the peer is used instead. */
  static final int MAX_HOPS = 16;

  private final List<Cidr> trusted;

  @Inject
  public ClientAddresses(LimitsConfig config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  ClientAddresses(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
  }

  /** The client's address as text, or the peer's as given when it is not an IP literal. */
  public String client(String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = Cidr.literal(peer);
    if (peerAddress.isEmpty() || !isTrusted(peerAddress.get()) || forwardedFor.isEmpty()) {
      return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
    }
    List<String> hops =
        forwardedFor.stream()
            .flatMap(h -> java.util.Arrays.stream(h.split(",")))
            .map(String::strip)
            .toList();
    if (hops.size() > MAX_HOPS) {
      return peerAddress.get().getHostAddress();
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = Cidr.literal(hops.get(i));
      if (hop.isEmpty()) {
        // garbage where our proxy should have written an address: do not guess further left
        return peerAddress.get().getHostAddress();
      }
      if (!isTrusted(hop.get())) {
        return hop.get().getHostAddress();
      }
    }
    return peerAddress.get().getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    for (Cidr cidr : trusted) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
