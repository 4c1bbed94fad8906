package dev.roster.http;

import dev.roster.config.AddressRange;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;

/**
 * The client address of the access log: the socket's peer, or, when that peer is one of
 * {@code server.trustedProxies}, the first address of {@code X-Forwarded-For} that is not a
 * trusted proxy, read from the right (as NGINX's {@code real_ip_recursive on} does: entries left
 * of an untrusted hop could be forged by the client). An entry that is not an IP literal stops
 * the walk at the last trusted hop. With no trusted proxies (the default) the header is never
 * read.
 */
final class ClientAddress {
  static final CharSequence FORWARDED_FOR =
      io.vertx.core.http.HttpHeaders.createOptimized("X-Forwarded-For");

  private final List<AddressRange> trusted;

  ClientAddress(List<AddressRange> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /**
   * The {@code X-Forwarded-For} values to read later, taken on the event loop; null (nothing
   * read, nothing allocated) when no proxy is trusted.
   */
  List<String> forwardedFor(HttpServerRequest request) {
    return trusted.isEmpty() ? null : request.headers().getAll(FORWARDED_FOR);
  }

  /** As {@link #forwardedFor(HttpServerRequest)}, from a request's Netty headers. */
  List<String> forwardedFor(io.netty.handler.codec.http.HttpHeaders headers) {
    return trusted.isEmpty() ? null : headers.getAll(FORWARDED_FOR);
  }

  /**
   * The client's address as text (an IP literal), or {@code -} when unknown, from the socket's
   * peer and the {@linkplain #forwardedFor forwarded-for values} taken from the request.
   */
  String of(SocketAddress peer, List<String> headers) {
    String address = peer == null ? null : peer.hostAddress();
    if (address == null) {
      return "-";
    }
    if (headers == null || !isTrusted(AddressRange.literal(address))) {
      return address;
    }
    for (int h = headers.size() - 1; h >= 0; h--) {
      String[] hops = headers.get(h).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].strip();
        byte[] bytes = AddressRange.literal(hop);
        if (bytes == null) {
          return address;
        }
        address = hop;
        if (!isTrusted(bytes)) {
          return address;
        }
      }
    }
    return address;
  }

  private boolean isTrusted(byte[] address) {
    for (AddressRange range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
