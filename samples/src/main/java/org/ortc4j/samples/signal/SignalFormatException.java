package org.ortc4j.samples.signal;

/**
 * A signal that is not valid JSON, or valid JSON that is not a signal: a field missing, of the
 * wrong type, or out of range. The message names the field (or the offset in the text) and
 * what was wrong.
 */
public final class SignalFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the field or offset. */
  public SignalFormatException(String message) {
    super(message);
  }
}
