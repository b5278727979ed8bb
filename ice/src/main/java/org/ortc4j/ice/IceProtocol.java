package org.ortc4j.ice;

import java.util.Locale;

/** The transport protocol of a candidate, written {@code udp} or {@code tcp} in signalling. */
public enum IceProtocol {
  /** UDP. */
  UDP,
  /** TCP (RFC 6544). */
  TCP;

  /** The lower-case name used in signalling and SDP. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code udp} or {@code tcp}, in any case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static IceProtocol fromWireName(String name) {
    for (IceProtocol p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown candidate protocol: " + name);
  }
}
