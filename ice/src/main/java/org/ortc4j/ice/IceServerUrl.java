package org.ortc4j.ice;

import java.util.Locale;
import java.util.Objects;

/**
 * One parsed STUN or TURN server URL: {@code stun:host[:port]} or {@code
 * turn:host[:port][?transport=udp|tcp]} (RFC 7064, RFC 7065). The default port is 3478.
 *
 * @param turn true for {@code turn:}, false for {@code stun:}
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port 1 to 65535
 * @param protocol how the server is reached: UDP unless {@code ?transport=tcp} (the relay it
 *     allocates is UDP either way)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7065#section-3">RFC 7065 §3</a>
 */
public record IceServerUrl(boolean turn, String host, int port, IceProtocol protocol) {
  /** The port STUN and TURN use when the URL names none. */
  public static final int DEFAULT_PORT = 3478;

  /** Checks the values. */
  public IceServerUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(protocol, "protocol");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("ICE server URL has no host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("ICE server port must be 1 to 65535, got " + port);
    }
  }

  /**
   * Parses a URL. {@code stuns:} and {@code turns:} (TLS) are refused.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static IceServerUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    int colon = url.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("ICE server URL needs a scheme (stun: or turn:): " + url);
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("stun") && !scheme.equals("turn")) {
      throw new IllegalArgumentException("unsupported ICE server scheme '" + scheme + "': " + url);
    }
    String rest = url.substring(colon + 1);
    IceProtocol protocol = IceProtocol.UDP;
    int query = rest.indexOf('?');
    if (query >= 0) {
      protocol = parseTransport(rest.substring(query + 1), url);
      rest = rest.substring(0, query);
      if (scheme.equals("stun")) {
        throw new IllegalArgumentException("stun: URLs take no ?transport: " + url);
      }
    }
    return hostAndPort(scheme.equals("turn"), rest, protocol, url);
  }

  private static IceProtocol parseTransport(String queryText, String url) {
    String lower = queryText.toLowerCase(Locale.ROOT);
    if (lower.equals("transport=udp")) {
      return IceProtocol.UDP;
    }
    if (lower.equals("transport=tcp")) {
      return IceProtocol.TCP;
    }
    throw new IllegalArgumentException("ICE server URL query must be transport=udp|tcp: " + url);
  }

  private static IceServerUrl hostAndPort(
      boolean turn, String text, IceProtocol protocol, String url) {
    String host;
    String portText = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed IPv6 literal in ICE server URL: " + url);
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        if (text.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("bad ICE server URL: " + url);
        }
        portText = text.substring(close + 2);
      }
    } else {
      int colon = text.lastIndexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      portText = colon < 0 ? null : text.substring(colon + 1);
    }
    return new IceServerUrl(turn, host, parsePort(portText, url), protocol);
  }

  private static int parsePort(String portText, String url) {
    if (portText == null) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in ICE server URL: " + url, e);
    }
  }
}
