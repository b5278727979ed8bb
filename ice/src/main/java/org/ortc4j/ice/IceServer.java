package org.ortc4j.ice;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server, as W3C {@code RTCIceServer}: one or more URLs sharing a credential.
 *
 * <p>A {@code turn:} URL with {@code ?transport=tcp} reaches the server over a TCP connection
 * (made within the agent's server timeout) and allocates a UDP relay through it, as browsers
 * do; without it, or with {@code transport=udp}, the server is reached over UDP. Either way the
 * relay candidate is UDP: TCP relays (RFC 6062) and TLS ({@code turns:}) are not supported.
 * Immutable and thread-safe.
 *
 * @param urls {@code stun:host[:port]} or {@code turn:host[:port][?transport=udp|tcp]}; at
 *     least one
 * @param username the TURN long-term credential user; null for STUN
 * @param credential the TURN password; null for STUN
 */
public record IceServer(List<String> urls, String username, String credential) {
  /**
   * Parses every URL now, so that a bad one fails at configuration.
   *
   * @throws IllegalArgumentException for a bad URL, or a turn: URL without username and
   *     credential
   */
  public IceServer {
    urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an ICE server needs at least one URL");
    }
    for (String url : urls) {
      if (IceServerUrl.parse(url).turn() && (username == null || credential == null)) {
        throw new IllegalArgumentException("a turn: server needs a username and a credential");
      }
    }
  }

  /**
   * A STUN server at one URL.
   *
   * @param url {@code stun:host[:port]}
   * @throws IllegalArgumentException for a bad URL
   */
  public static IceServer stun(String url) {
    return new IceServer(List.of(url), null, null);
  }

  /**
   * A TURN server at one URL with a long-term credential.
   *
   * @param url {@code turn:host[:port][?transport=udp|tcp]}
   * @throws IllegalArgumentException for a bad URL or a missing username or credential
   */
  public static IceServer turn(String url, String username, String credential) {
    return new IceServer(List.of(url), username, credential);
  }

  /** The parsed URLs, in order. */
  public List<IceServerUrl> parsedUrls() {
    return urls.stream().map(IceServerUrl::parse).toList();
  }

  /** Hides the credential. */
  @Override
  public String toString() {
    return "IceServer[urls=" + urls + ", username=" + username + "]";
  }
}
