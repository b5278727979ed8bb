package org.ortc4j.samples.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser for signals: objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, numbers {@link JsonNumber}, {@code true}/{@code
 * false} {@code Boolean}, {@code null} {@link #NULL}.
 *
 * <p>A signal comes from another process, perhaps another stack: anything malformed is a
 * {@link SignalFormatException} with the offset, and nesting and size are bounded so that no
 * input can exhaust the stack or the heap.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
final class JsonReader {
  /** The JSON {@code null}, distinct from a missing member. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
  /** Far above a signal with hundreds of candidates, far below anything that strains memory. */
  static final int MAX_LENGTH = 256 * 1024;
  /** A signal nests four deep; 64 leaves room for extensions without risking the stack. */
  static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that makes up the whole text (surrounding whitespace allowed).
   *
   * @throws SignalFormatException if the text is not exactly one valid JSON value, is longer
   *     than {@link #MAX_LENGTH} characters or nests deeper than {@link #MAX_DEPTH}
   */
  static Object parse(String text) throws SignalFormatException {
    if (text.length() > MAX_LENGTH) {
      throw new SignalFormatException(
          "signal is " + text.length() + " characters, the limit is " + MAX_LENGTH);
    }
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) throws SignalFormatException {
    if (depth >= MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character " + describe(c));
    }
  }

  private Map<String, Object> object(int depth) throws SignalFormatException {
    pos++; // '{'
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name in quotes");
      }
      int nameAt = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (members.put(name, value(depth + 1)) != null) {
        pos = nameAt;
        throw error("duplicate member \"" + name + "\"");
      }
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return Collections.unmodifiableMap(members);
    }
  }

  private List<Object> array(int depth) throws SignalFormatException {
    pos++; // '['
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']');
      return Collections.unmodifiableList(elements);
    }
  }

  private String string() throws SignalFormatException {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        pos--;
        throw error("control character " + describe(c) + " in a string");
      } else {
        out.append(c);
      }
    }
  }

  private char escape() throws SignalFormatException {
    if (pos >= text.length()) {
      throw error("unterminated escape");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        pos--;
        throw error("invalid escape \\" + c);
    }
  }

  private char unicodeEscape() throws SignalFormatException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0) {
        throw error("invalid hex digit in \\u escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  /** RFC 8259 §6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
  private JsonNumber number() throws SignalFormatException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits("a digit");
    }
    if (peek() == '.') {
      pos++;
      digits("a digit after the decimal point");
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits("a digit in the exponent");
    }
    return new JsonNumber(text.substring(start, pos));
  }

  private void digits(String what) throws SignalFormatException {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == start) {
      throw error("expected " + what);
    }
  }

  private Object literal(String word, Object value) throws SignalFormatException {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) throws SignalFormatException {
    if (peek() != c) {
      throw error(pos >= text.length() ? "unexpected end of text, expected '" + c + "'"
          : "expected '" + c + "', found " + describe(text.charAt(pos)));
    }
    pos++;
  }

  /** The next character, or NUL at the end (NUL cannot start any valid token here). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private SignalFormatException error(String what) {
    return new SignalFormatException("invalid JSON at offset " + pos + ": " + what);
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
