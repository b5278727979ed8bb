package org.ortc4j.samples.peer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ortc4j.samples.signal.JsonWriter;

/**
 * The peer's stdout: the signal line first, then one JSON object per line per event, each with
 * {@code "event"} and {@code "tMs"} (milliseconds since the process started), flushed at once
 * so a driver sees each line as it happens. After the final event nothing more is written.
 */
final class PeerEvents {
  private final PrintStream out;
  private final long startNanos;
  private final long startOffsetMs;
  private boolean finished;

  /**
   * @param out where lines go
   * @param startOffsetMs milliseconds between the process start and now
   */
  PeerEvents(PrintStream out, long startOffsetMs) {
    this.out = out;
    this.startNanos = System.nanoTime();
    this.startOffsetMs = startOffsetMs;
  }

  /** Milliseconds since the process started. */
  long nowMs() {
    return startOffsetMs + (System.nanoTime() - startNanos) / 1_000_000;
  }

  synchronized void line(String text) {
    if (!finished) {
      out.println(text);
      out.flush();
    }
  }

  /** Starts an event's fields; {@link #emit} writes it. */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }

  /** Stamped under the lock, so that tMs never goes backwards from one line to the next. */
  synchronized void emit(String event, Map<String, Object> fields) {
    line(json(event, fields));
  }

  /** Writes the final event ({@code done}, {@code timeout} or {@code error}); no line follows. */
  synchronized void finish(String event, Map<String, Object> fields) {
    line(json(event, fields));
    finished = true;
  }

  private String json(String event, Map<String, Object> fields) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("event", event);
    all.put("tMs", nowMs());
    all.putAll(fields);
    return JsonWriter.write(all);
  }
}
