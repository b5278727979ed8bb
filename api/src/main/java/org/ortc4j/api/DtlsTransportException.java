package org.ortc4j.api;

import java.util.Objects;
import java.util.Optional;
import org.ortc4j.dtls.DtlsAlert;

/**
 * A {@link DtlsTransport} failed or was stopped before it connected: the error of a pending
 * {@code start}, and {@link DtlsTransport#failureCause()} once the state is FAILED. The cause,
 * when there is one, is the {@link org.ortc4j.dtls.DtlsException} of the session.
 */
public final class DtlsTransportException extends RtcException {
  private static final long serialVersionUID = 1L;
  private final DtlsTransportFailure reason;
  private final transient DtlsAlert alert;

  /**
   * @param reason why
   * @param message details for a person
   * @param alert the fatal alert received or sent, or null
   * @param cause the underlying failure, or null
   */
  public DtlsTransportException(DtlsTransportFailure reason, String message, DtlsAlert alert,
      Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.alert = alert;
  }

  /** Why the transport failed or stopped. */
  public DtlsTransportFailure reason() {
    return reason;
  }

  /** The fatal alert behind the failure, if one was received or sent. */
  public Optional<DtlsAlert> alert() {
    return Optional.ofNullable(alert);
  }
}
