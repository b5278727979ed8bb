package org.ortc4j.samples.signal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: one event line as maps, lists, strings, Longs (whole numbers) and Booleans. */
public final class EventJson {
  private EventJson() {}

  /** Parses an event line with the samples' own JSON reader. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String line) throws SignalFormatException {
    return (Map<String, Object>) plain(JsonReader.parse(line));
  }

  private static Object plain(Object value) throws SignalFormatException {
    if (value instanceof JsonNumber n) {
      return n.longValue("number", Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put((String) e.getKey(), plain(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new java.util.ArrayList<>();
      for (Object element : list) {
        out.add(plain(element));
      }
      return out;
    }
    return value == JsonReader.NULL ? null : value;
  }
}
