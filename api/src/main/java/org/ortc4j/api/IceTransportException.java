package org.ortc4j.api;

import java.util.Objects;

/**
 * An {@link IceTransport} failed or was stopped before it connected: the error of a pending
 * {@code start}, and {@link IceTransport#failureCause()} once the state is FAILED.
 */
public final class IceTransportException extends RtcException {
  private static final long serialVersionUID = 1L;
  private final IceTransportFailure reason;

  /**
   * @param reason why
   * @param message details for a person
   */
  public IceTransportException(IceTransportFailure reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the transport failed or stopped. */
  public IceTransportFailure reason() {
    return reason;
  }
}
