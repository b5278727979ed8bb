package org.ortc4j.api;

import java.time.Duration;

/**
 * A blocking call ran out of the time it was given (W3C {@code TimeoutError}). The operation
 * itself goes on: a start that timed out for the caller may still connect later, and its state
 * stream tells when. Stop the object to abandon it.
 */
public final class RtcTimeoutException extends RtcException {
  private static final long serialVersionUID = 1L;

  /**
   * @param operation what was waited for
   * @param timeout how long
   */
  public RtcTimeoutException(String operation, Duration timeout) {
    super(operation + " did not finish within " + timeout.toMillis() + " ms");
  }
}
