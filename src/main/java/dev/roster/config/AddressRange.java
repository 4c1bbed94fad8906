package dev.roster.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}),
 * as {@code server.trustedProxies} lists them. Parsed from IP literals only: never a host name,
 * so reading the file never does a DNS lookup.
 */
public record AddressRange(byte[] network, int prefixBits) {
  /** Parses one entry; throws {@link IllegalArgumentException} with a reason. */
  public static AddressRange parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw new IllegalArgumentException("expected an IP address or CIDR block, e.g. 10.0.0.0/8");
    }
    int bits = bytes.length * 8;
    if (slash >= 0) {
      String prefix = trimmed.substring(slash + 1);
      if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
        throw new IllegalArgumentException("the prefix length must be 0 to " + bits);
      }
      bits = Integer.parseInt(prefix);
    }
    return new AddressRange(bytes, bits);
  }

  /** The bytes of an IPv4 or IPv6 literal, or null when {@code text} is not one. */
  public static byte[] literal(String text) {
    if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")
        || (text.indexOf(':') < 0 && !text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"))) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether {@code address} (bytes of an IPv4 or IPv6 address) lies in this range. */
  public boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }
}
