package org.ortc4j.ice;

import java.util.Objects;

/**
 * One ICE candidate, with the fields of W3C {@code RTCIceCandidate} that signalling carries.
 *
 * <p>A value: two candidates with the same fields are equal.
 *
 * @param foundation identifies candidates of the same type, base and server (1 to 32 ICE chars)
 * @param priority the RFC 8445 §5.1.2 priority, 1 to 2^31-1 (see {@link #computePriority})
 * @param address the IP address as text, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param protocol UDP or TCP
 * @param port 1 to 65535 (TCP active candidates may signal 9)
 * @param type host, srflx, prflx or relay
 * @param component 1 (RTP) to 256
 * @param relatedAddress the base or mapped address for non-host types; null for host
 * @param relatedPort the port of {@code relatedAddress}; null when it is null
 * @param tcpType {@code active}, {@code passive} or {@code so} for TCP; null for UDP
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8445#section-5.1.2">RFC 8445 §5.1.2</a>
 */
public record IceCandidate(
    String foundation,
    long priority,
    String address,
    IceProtocol protocol,
    int port,
    IceCandidateType type,
    int component,
    String relatedAddress,
    Integer relatedPort,
    String tcpType) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if foundation, address, protocol or type is null
   * @throws IllegalArgumentException if a number is out of range or the related address and
   *     port are not both given or both absent
   */
  public IceCandidate {
    Objects.requireNonNull(foundation, "foundation");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(type, "type");
    if (foundation.isEmpty() || foundation.length() > 32) {
      throw new IllegalArgumentException("foundation must have 1 to 32 characters: " + foundation);
    }
    if (priority < 1 || priority > 0x7FFF_FFFFL) {
      throw new IllegalArgumentException("priority must be 1 to 2^31-1, got " + priority);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("component must be 1 to 256, got " + component);
    }
    if ((relatedAddress == null) != (relatedPort == null)) {
      throw new IllegalArgumentException("relatedAddress and relatedPort go together");
    }
  }

  /** A UDP host candidate for component 1 with a computed priority. */
  public static IceCandidate udpHost(String foundation, String address, int port) {
    long priority = computePriority(IceCandidateType.HOST, 65535, 1);
    return new IceCandidate(
        foundation, priority, address, IceProtocol.UDP, port, IceCandidateType.HOST, 1,
        null, null, null);
  }

  /**
   * The RFC 8445 §5.1.2.1 priority: {@code 2^24 * typePref + 2^8 * localPref + (256 -
   * component)}.
   *
   * @param type gives the type preference
   * @param localPreference 0 to 65535 (65535 for the only interface)
   * @param component 1 to 256
   */
  public static long computePriority(IceCandidateType type, int localPreference, int component) {
    if (localPreference < 0 || localPreference > 65535) {
      throw new IllegalArgumentException("localPreference must be 0 to 65535: " + localPreference);
    }
    return ((long) type.typePreference() << 24) + ((long) localPreference << 8) + (256 - component);
  }
}
