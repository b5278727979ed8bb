package org.ortc4j.api;

import java.util.Locale;
import org.ortc4j.dtls.DtlsRole;

/**
 * The DTLS role as signalled in {@link DtlsParameters}: {@code auto} lets the role rule decide
 * (ICE controlling = DTLS server, as every browser does); {@code client} and {@code server} fix
 * it (the peer then takes the other one).
 *
 * @see <a href="https://www.w3.org/TR/ortc/#rtcdtlsrole*">W3C ORTC RTCDtlsRole</a>
 */
public enum DtlsTransportRole {
  /** Decided by the ICE role. */
  AUTO,
  /** The DTLS client: sends the ClientHello. */
  CLIENT,
  /** The DTLS server: waits for the ClientHello. */
  SERVER;

  /** The signal form: {@code auto}, {@code client} or {@code server}. */
  public String signalName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the signal form, in any case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static DtlsTransportRole fromSignalName(String name) {
    for (DtlsTransportRole role : values()) {
      if (role.name().equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "DTLS role must be auto, client or server, got \"" + name + "\"");
  }

  /** The concrete role, for CLIENT and SERVER. */
  DtlsRole toDtlsRole() {
    return this == CLIENT ? DtlsRole.CLIENT : DtlsRole.SERVER;
  }
}
