package org.ortc4j.samples.peer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The interop peer: {@code java -jar samples/target/ortc4j-peer.jar --ice-role controlling}.
 *
 * <p>Implements the peer CLI contract of {@code shared/signal.md}: prints its signal as line 1
 * of stdout, reads the remote signal as one line of stdin, connects ICE and DTLS-SRTP, sends
 * {@code --count} RTP packets ({@code ping <i>}, one every 20 ms) and one SRTCP RR + PLI, prints
 * every event as a JSON line, and exits 0 when it has sent its packets and received {@code
 * --count}, 2 on timeout, 1 on error. Logs go to stderr only.
 */
public final class PeerCli {
  /** Sent everything and received everything. */
  public static final int EXIT_DONE = 0;
  /** Something failed: bad flags or signal, ICE or DTLS failure. */
  public static final int EXIT_ERROR = 1;
  /** The {@code --timeout} deadline passed first. */
  public static final int EXIT_TIMEOUT = 2;

  private PeerCli() {}

  /** Runs the peer and exits the JVM with its exit code. */
  public static void main(String[] args) {
    quietLogging();
    long sinceStart = System.currentTimeMillis()
        - ManagementFactory.getRuntimeMXBean().getStartTime();
    int code = run(args, System.in, System.out, System.err, Math.max(0, sinceStart));
    System.exit(code);
  }

  /**
   * Runs one peer to its end on the given streams (what {@link #main} does, without exiting).
   *
   * @param startOffsetMs milliseconds since the process started, the base of {@code tMs}
   * @return {@link #EXIT_DONE}, {@link #EXIT_ERROR} or {@link #EXIT_TIMEOUT}
   */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, long startOffsetMs) {
    PeerEvents events = new PeerEvents(out, startOffsetMs);
    PeerOptions options;
    try {
      options = PeerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(PeerOptions.USAGE);
      events.finish("error", PeerEvents.fields("message", e.getMessage()));
      return EXIT_ERROR;
    }
    Deadline deadline = new Deadline(options.timeout());
    try (PeerSession session = new PeerSession(options, events, err)) {
      return session.run(stdinLine(in), deadline);
    }
  }

  /** The first line of stdin, read on a daemon thread so the deadline can end the wait. */
  private static CompletableFuture<String> stdinLine(InputStream in) {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        line.complete(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .readLine());
      } catch (Exception e) {
        line.completeExceptionally(e);
      }
    }, "peer-stdin");
    reader.setDaemon(true);
    reader.start();
    return line;
  }

  /** ice4j logs each ICE step at INFO through java.util.logging (to stderr): keep warnings. */
  private static void quietLogging() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (var handler : root.getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
  }

  /** The run's one deadline, from which every wait takes what is left. */
  static final class Deadline {
    private final long endNanos;

    Deadline(java.time.Duration timeout) {
      this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    long remainingMillis() {
      return Math.max(0, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
    }

    /** Waits for {@code future} until the deadline; a timeout is {@link TimeoutException}. */
    <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException,
        InterruptedException {
      return future.get(remainingMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
