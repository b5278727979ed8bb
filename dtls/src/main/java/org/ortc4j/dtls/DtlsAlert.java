package org.ortc4j.dtls;

import org.bouncycastle.tls.AlertDescription;

/**
 * A fatal TLS alert that ended a handshake or session.
 *
 * @param code the alert description code, e.g. 42 for {@code bad_certificate}
 * @param received true if the peer sent it, false if this side sent it
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5246#section-7.2">RFC 5246 §7.2</a>
 */
public record DtlsAlert(int code, boolean received) {
  /** Validates the code range. */
  public DtlsAlert {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("alert code out of range: " + code);
    }
  }

  /** The alert's name as the RFCs spell it, e.g. {@code bad_certificate}. */
  public String name() {
    return AlertDescription.getName((short) code);
  }

  /** E.g. {@code bad_certificate(42) received}. */
  @Override
  public String toString() {
    return name() + "(" + code + ") " + (received ? "received" : "sent");
  }
}
