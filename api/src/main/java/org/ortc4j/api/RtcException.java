package org.ortc4j.api;

/**
 * The root of the errors the ORTC objects throw, each subclass named after the W3C error it
 * stands for (as Pion's {@code pkg/rtcerr} does): {@link InvalidStateException} for a call the
 * object's state does not allow, {@link InvalidAccessException} for arguments that cannot be
 * used, {@link RtcTimeoutException} for a blocking call that ran out of time, and the transport
 * failures {@link IceTransportException} and {@link DtlsTransportException}.
 *
 * <p>Unchecked, like the rest of the JDK's misuse errors.
 */
public abstract class RtcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, for a person */
  protected RtcException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, for a person
   * @param cause the underlying failure
   */
  protected RtcException(String message, Throwable cause) {
    super(message, cause);
  }
}
