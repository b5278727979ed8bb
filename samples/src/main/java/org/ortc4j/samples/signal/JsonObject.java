package org.ortc4j.samples.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one parsed JSON object's members, each failure a {@link SignalFormatException}
 * naming the member by its path (e.g. {@code iceCandidates[2].port}). Members not read are
 * ignored, as signal.md asks of unknown fields.
 */
final class JsonObject {
  private final String path;
  private final Map<?, ?> members;

  private JsonObject(String path, Map<?, ?> members) {
    this.path = path;
    this.members = members;
  }

  /** {@code value} as an object at {@code path}. */
  static JsonObject of(String path, Object value) throws SignalFormatException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new SignalFormatException(describe(path) + " must be a JSON object");
    }
    return new JsonObject(path, map);
  }

  boolean has(String name) {
    Object value = members.get(name);
    return value != null && value != JsonReader.NULL;
  }

  String string(String name) throws SignalFormatException {
    Object value = required(name);
    if (!(value instanceof String s)) {
      throw new SignalFormatException(field(name) + " must be a string");
    }
    return s;
  }

  /** The string, or {@code null} when absent or JSON {@code null}. */
  String optionalString(String name) throws SignalFormatException {
    return has(name) ? string(name) : null;
  }

  long number(String name, long min, long max) throws SignalFormatException {
    Object value = required(name);
    if (!(value instanceof JsonNumber number)) {
      throw new SignalFormatException(field(name) + " must be a number");
    }
    return number.longValue(field(name), min, max);
  }

  boolean bool(String name, boolean absent) throws SignalFormatException {
    if (!has(name)) {
      return absent;
    }
    if (!(members.get(name) instanceof Boolean b)) {
      throw new SignalFormatException(field(name) + " must be true or false");
    }
    return b;
  }

  JsonObject object(String name) throws SignalFormatException {
    return of(field(name), required(name));
  }

  /** The array's elements, each an object named {@code name[i]}. */
  List<JsonObject> objects(String name) throws SignalFormatException {
    if (!(required(name) instanceof List<?> list)) {
      throw new SignalFormatException(field(name) + " must be an array");
    }
    List<JsonObject> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(of(field(name) + "[" + i + "]", list.get(i)));
    }
    return out;
  }

  /** A failure about member {@code name}, for checks made after reading it. */
  SignalFormatException invalid(String name, String why) {
    return new SignalFormatException(field(name) + ": " + why);
  }

  private Object required(String name) throws SignalFormatException {
    if (!has(name)) {
      throw new SignalFormatException(field(name) + " is missing");
    }
    return members.get(name);
  }

  private String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the signal" : path;
  }
}
