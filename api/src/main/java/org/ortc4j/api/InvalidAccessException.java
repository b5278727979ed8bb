package org.ortc4j.api;

/**
 * An argument cannot be used (W3C {@code InvalidAccessError}): remote parameters without a
 * fingerprint, a gatherer already taken by another transport, a packet too large to send.
 */
public final class InvalidAccessException extends RtcException {
  private static final long serialVersionUID = 1L;

  /** @param message which argument, and why */
  public InvalidAccessException(String message) {
    super(message);
  }
}
