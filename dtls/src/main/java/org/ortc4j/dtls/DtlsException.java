package org.ortc4j.dtls;

import java.util.Objects;
import java.util.Optional;

/** A failed DTLS handshake or session, with a typed {@link #reason()} and the alert, if any. */
public final class DtlsException extends Exception {
  private static final long serialVersionUID = 1L;

  private final DtlsFailure reason;
  private final transient DtlsAlert alert;

  /**
   * A failure for {@code reason}.
   *
   * @param alert the fatal alert sent or received, or null
   * @param cause the underlying exception, or null
   */
  public DtlsException(DtlsFailure reason, String message, DtlsAlert alert, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message
        + (alert == null ? "" : " [" + alert + "]"), cause);
    this.reason = reason;
    this.alert = alert;
  }

  /** Why the handshake or session failed. */
  public DtlsFailure reason() {
    return reason;
  }

  /** The fatal alert this side sent or the peer sent, when one was. */
  public Optional<DtlsAlert> alert() {
    return Optional.ofNullable(alert);
  }
}
