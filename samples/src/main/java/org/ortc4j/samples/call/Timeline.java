package org.ortc4j.samples.call;

import java.io.PrintStream;

/** Prints events as they happen, each stamped with the milliseconds since the call began. */
final class Timeline {
  private final long startNanos = System.nanoTime();
  private final PrintStream out;

  Timeline(PrintStream out) {
    this.out = out;
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Callers are ICE event threads, DTLS threads and media threads: one line at a time. */
  synchronized void log(String peer, String event) {
    out.printf("%6d ms  %-6s %s%n", elapsedMillis(), peer, event);
  }
}
