package org.ortc4j.api;

/**
 * The object's state does not allow the call (W3C {@code InvalidStateError}): starting twice,
 * starting a DTLS transport before its ICE transport, writing media before SRTP is keyed, or
 * using an object after it was stopped.
 */
public final class InvalidStateException extends RtcException {
  private static final long serialVersionUID = 1L;

  /** @param message which call, in which state */
  public InvalidStateException(String message) {
    super(message);
  }
}
