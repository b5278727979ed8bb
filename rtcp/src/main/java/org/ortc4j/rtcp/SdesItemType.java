package org.ortc4j.rtcp;

import java.util.Optional;

/**
 * The SDES item types RFC 3550 defines. Items of other types (e.g. H323-CADDR 9, APSI 10,
 * RtpStreamId 12 of RFC 8852, MID 15 of RFC 8843) are kept as an {@link SdesItem} with their
 * numeric type.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.5">RFC 3550 §6.5</a>
 */
public enum SdesItemType {
  /** Canonical end-point identifier, the one item every chunk should carry (§6.5.1). */
  CNAME(1),
  /** User name (§6.5.2). */
  NAME(2),
  /** Electronic mail address (§6.5.3). */
  EMAIL(3),
  /** Phone number (§6.5.4). */
  PHONE(4),
  /** Geographic user location (§6.5.5). */
  LOC(5),
  /** Application or tool name (§6.5.6). */
  TOOL(6),
  /** Notice or status (§6.5.7). */
  NOTE(7),
  /** Private extension: a prefix naming the extension, then its value (§6.5.8). */
  PRIV(8);

  private final int code;

  SdesItemType(int code) {
    this.code = code;
  }

  /** The type's code on the wire. */
  public int code() {
    return code;
  }

  /** The type with {@code code}, or empty for a code RFC 3550 does not define. */
  public static Optional<SdesItemType> fromCode(int code) {
    for (SdesItemType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
