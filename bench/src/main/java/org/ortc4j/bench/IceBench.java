package org.ortc4j.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceAgentListener;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * ICE on loopback, a bench main (not JMH: each measurement is a small network scenario):
 *
 * <ol>
 *   <li><b>cold</b>: the first connect in the JVM (ice4j's configuration and Kotlin load), from
 *       {@code create} to both agents CONNECTED, with or without {@code IceAgent.prewarm()}
 *       first ({@code --prewarm});
 *   <li><b>warm</b>: {@code start} to both CONNECTED, agents gathered beforehand, 50 times;
 *   <li><b>throughput</b>: 1200-byte datagrams through the selected pair's {@code IceConnection}
 *       and through a plain JDK {@code DatagramChannel} pair (same 4 MiB buffers), unpaced (what
 *       the receiver keeps up with) and paced at 100k packets/s for 2 s (loss must be zero).
 * </ol>
 *
 * <p>Run: {@code java -cp <bench classpath> org.ortc4j.bench.IceBench [--prewarm]}.
 */
public final class IceBench {
  private static final int SIZE = 1200;
  private static final int BURST = 200_000;
  private static final int PACED_RATE = 100_000;
  private static final Duration PACED_FOR = Duration.ofSeconds(2);
  private static final int BUFFER = 4 << 20;
  private static final int ROUNDS = 5;

  private IceBench() {}

  /** Runs every measurement and prints one line per figure. */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--prewarm")) {
      long t = System.nanoTime();
      IceAgent.prewarm().get(30, TimeUnit.SECONDS);
      System.out.printf("prewarm: %.0f ms (off the caller's thread in real use)%n", ms(t));
    }
    long t0 = System.nanoTime();
    try (Pair cold = Pair.connect()) {
      System.out.printf("cold first connect (create -> both CONNECTED): %.0f ms, of which the "
          + "caller waited %.1f ms in the two create() calls%n", ms(t0), cold.createMillis);
    }
    warm();
    throughput();
    System.exit(0);
  }

  private static void warm() throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      try (Pair p = Pair.gathered()) {
        long t = System.nanoTime();
        p.start();
        p.awaitConnected();
        times.add(ms(t));
      }
    }
    Collections.sort(times);
    System.out.printf("warm start -> both CONNECTED, 50 runs: median %.1f ms, p90 %.1f ms, "
        + "min %.1f ms%n", times.get(25), times.get(45), times.get(0));
  }

  private static void throughput() throws Exception {
    try (Pair p = Pair.connect(); DatagramChannel tx = open(); DatagramChannel rx = open()) {
      Counter ice = new Counter();
      p.b.connection().setReceiver((buf, off, len) -> ice.count());
      Sender viaIce = buf -> p.a.connection().send(buf, 0, buf.length);
      Counter plain = new Counter();
      Thread reader = new Thread(() -> readPlain(rx, plain), "plain-reader");
      reader.setDaemon(true);
      reader.start();
      InetSocketAddress to = (InetSocketAddress) rx.getLocalAddress();
      Sender viaPlain = buf -> tx.send(ByteBuffer.wrap(buf), to);
      burst(ice, viaIce); // one untimed round each: JIT, buffers
      burst(plain, viaPlain);
      List<Double> iceRates = new ArrayList<>();
      List<Double> plainRates = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) { // alternate: the machine's load drifts
        iceRates.add(report("ice   unpaced", burst(ice, viaIce)));
        plainRates.add(report("plain unpaced", burst(plain, viaPlain)));
      }
      Collections.sort(iceRates);
      Collections.sort(plainRates);
      double iceMedian = iceRates.get(ROUNDS / 2);
      double plainMedian = plainRates.get(ROUNDS / 2);
      System.out.printf("unpaced medians of %d rounds: ice %.0f, plain %.0f packets/s: %.2fx%n",
          ROUNDS, iceMedian, plainMedian, iceMedian / plainMedian);
      report("ice   paced  ", paced(ice, viaIce));
      report("plain paced  ", paced(plain, viaPlain));
    }
  }

  private interface Sender {
    Object send(byte[] buf) throws Exception;
  }

  /** Counts receptions and the times of the first and last. */
  private static final class Counter {
    final AtomicLong count = new AtomicLong();
    volatile long firstNanos;
    volatile long lastNanos;

    void count() {
      long now = System.nanoTime();
      if (count.getAndIncrement() == 0) {
        firstNanos = now;
      }
      lastNanos = now;
    }

    void reset() {
      count.set(0);
    }
  }

  private record Result(long sent, long received, double rxPerSecond) {}

  private static Result burst(Counter c, Sender s) throws Exception {
    c.reset();
    byte[] buf = new byte[SIZE];
    buf[0] = (byte) 0x80;
    for (int i = 0; i < BURST; i++) {
      s.send(buf);
    }
    awaitQuiet(c);
    long n = c.count.get();
    return new Result(BURST, n, n / ((c.lastNanos - c.firstNanos) / 1e9));
  }

  private static Result paced(Counter c, Sender s) throws Exception {
    c.reset();
    byte[] buf = new byte[SIZE];
    buf[0] = (byte) 0x80;
    long total = PACED_RATE * PACED_FOR.toSeconds();
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / PACED_RATE;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      s.send(buf);
    }
    awaitQuiet(c);
    long n = c.count.get();
    return new Result(total, n, n / ((c.lastNanos - c.firstNanos) / 1e9));
  }

  /** Waits until nothing arrived for 300 ms (bounded at 30 s). */
  private static void awaitQuiet(Counter c) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long last = -1;
    while (System.nanoTime() < deadline) {
      long now = c.count.get();
      if (now == last) {
        return;
      }
      last = now;
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
    }
  }

  private static double report(String name, Result r) {
    System.out.printf("%s: sent %d, received %d (loss %.2f %%), %.0f packets/s received%n",
        name, r.sent, r.received, 100.0 * (r.sent - r.received) / r.sent, r.rxPerSecond);
    return r.received == r.sent ? r.rxPerSecond : 0; // a lossy round counts as nothing
  }

  private static DatagramChannel open() throws Exception {
    DatagramChannel ch = DatagramChannel.open();
    ch.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER);
    ch.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER);
    return ch.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
  }

  private static void readPlain(DatagramChannel rx, Counter c) {
    ByteBuffer in = ByteBuffer.allocate(65_536);
    try {
      while (true) {
        in.clear();
        rx.receive(in);
        c.count();
      }
    } catch (Exception closed) {
      // end of the run
    }
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /** Two agents on 127.0.0.1 wired together. */
  private static final class Pair implements AutoCloseable {
    final IceAgent a;
    final IceAgent b;
    final CompletableFuture<Void> aUp = new CompletableFuture<>();
    final CompletableFuture<Void> bUp = new CompletableFuture<>();
    final CompletableFuture<Void> aGathered = new CompletableFuture<>();
    final CompletableFuture<Void> bGathered = new CompletableFuture<>();
    final List<IceCandidate> aCandidates = Collections.synchronizedList(new ArrayList<>());
    final List<IceCandidate> bCandidates = Collections.synchronizedList(new ArrayList<>());

    final double createMillis;

    private Pair() throws Exception {
      IceAgentConfig config = IceAgentConfig.builder()
          .addresses(InetAddress.getByName("127.0.0.1")).build();
      long t = System.nanoTime();
      a = IceAgent.create(config, listener(aUp, aGathered, aCandidates));
      b = IceAgent.create(config, listener(bUp, bGathered, bCandidates));
      createMillis = ms(t);
    }

    static Pair gathered() throws Exception {
      Pair p = new Pair();
      p.a.gather();
      p.b.gather();
      p.aGathered.get(10, TimeUnit.SECONDS);
      p.bGathered.get(10, TimeUnit.SECONDS);
      p.aCandidates.forEach(p.b::addRemoteCandidate);
      p.bCandidates.forEach(p.a::addRemoteCandidate);
      return p;
    }

    static Pair connect() throws Exception {
      Pair p = gathered();
      p.start();
      p.awaitConnected();
      return p;
    }

    void start() {
      a.start(IceRole.CONTROLLING, b.localParameters());
      b.start(IceRole.CONTROLLED, a.localParameters());
    }

    void awaitConnected() throws Exception {
      aUp.get(10, TimeUnit.SECONDS);
      bUp.get(10, TimeUnit.SECONDS);
    }

    private static IceAgentListener listener(CompletableFuture<Void> up,
        CompletableFuture<Void> gathered, List<IceCandidate> candidates) {
      return new IceAgentListener() {
        @Override
        public void onCandidate(IceCandidate candidate) {
          candidates.add(candidate);
        }

        @Override
        public void onEndOfCandidates() {
          gathered.complete(null);
        }

        @Override
        public void onStateChange(IceConnectionState state) {
          if (state == IceConnectionState.CONNECTED) {
            up.complete(null);
          }
        }
      };
    }

    @Override
    public void close() {
      a.close();
      b.close();
    }
  }
}
