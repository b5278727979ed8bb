package org.ortc4j.ice;

/**
 * The type of a candidate, with the names SDP and signalling use.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8445#section-5.1.2.2">RFC 8445 §5.1.2.2</a>
 */
public enum IceCandidateType {
  /** An address of a local interface. Type preference 126. */
  HOST("host", 126),
  /** An address a STUN server saw the host address as. Type preference 100. */
  SRFLX("srflx", 100),
  /** An address learned from a connectivity check. Type preference 110. */
  PRFLX("prflx", 110),
  /** An address allocated on a TURN server. Type preference 0. */
  RELAY("relay", 0);

  private final String wireName;
  private final int typePreference;

  IceCandidateType(String wireName, int typePreference) {
    this.wireName = wireName;
    this.typePreference = typePreference;
  }

  /** The name used in signalling and SDP: {@code host}, {@code srflx}, {@code prflx}, {@code relay}. */
  public String wireName() {
    return wireName;
  }

  /** The RFC 8445 recommended type preference, 0 to 126. */
  public int typePreference() {
    return typePreference;
  }

  /**
   * Parses a signalling name, in any case.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static IceCandidateType fromWireName(String name) {
    for (IceCandidateType t : values()) {
      if (t.wireName.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown candidate type: " + name);
  }
}
