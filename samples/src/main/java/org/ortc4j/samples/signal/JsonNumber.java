package org.ortc4j.samples.signal;

/**
 * A JSON number kept as the text it was written with, so that a number too large for any Java
 * type is a field error when read, not an exception while parsing.
 *
 * @param text the number's text, valid under RFC 8259 §6
 */
record JsonNumber(String text) {
  /**
   * The value as a whole number within {@code [min, max]}.
   *
   * @throws SignalFormatException when it has a fraction or exponent, or is out of range
   */
  long longValue(String field, long min, long max) throws SignalFormatException {
    // 19 digits and a sign always fit a long; anything longer is out of every range we read
    if (!text.matches("-?[0-9]{1,19}")) {
      throw new SignalFormatException(field + " must be a whole number, got " + shortText());
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException overflow) {
      throw new SignalFormatException(field + " is out of range: " + shortText());
    }
    if (value < min || value > max) {
      throw new SignalFormatException(
          field + " must be " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  private String shortText() {
    return text.length() <= 24 ? text : text.substring(0, 24) + "...";
  }
}
