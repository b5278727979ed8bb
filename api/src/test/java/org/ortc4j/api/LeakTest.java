package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtp.RtpPacket;

/**
 * 200 complete calls in one JVM, one after the other — gather, ICE, DTLS, a few RTP packets
 * each way, stop DTLS then ICE — leave nothing behind: no thread of ours or of a per-call part
 * of ice4j, no open socket, no retained heap. ice4j (its agent scheduler, task pools) and RxJava
 * (computation) keep JVM-wide pools whose idle threads may stay, up to {@link #SHARED_CAP}.
 *
 * <p>Threads and sockets are compared with what two warm-up calls left; the heap with the used
 * heap after a full GC then, allowing {@link #HEAP_MARGIN} for what the JIT and the JDK's own
 * caches grow by. Each comparison is polled until a deadline, since threads end and sockets
 * close a moment after the call that ended them.
 */
class LeakTest {
  private static final int CYCLES = 200;
  private static final int WARM_UP = 2;
  private static final int PACKETS = 3;
  private static final int SHARED_CAP = 24;
  private static final long HEAP_MARGIN = 64L << 20;
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final long SSRC_A = 0xA;
  private static final long SSRC_B = 0xB;

  @Test
  void twoHundredCallsReturnThreadsSocketsAndHeapToTheBaseline() throws Exception {
    OrtcSettings settings = TestPeer.settings().build();
    for (int i = 0; i < WARM_UP; i++) {
      call(settings);
    }
    settle(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith("ortc4j-media-"))); // idle ones end after 1 s
    long sockets = openSockets();
    Map<String, Integer> threads = ownThreads();
    long heap = usedHeapAfterGc();

    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      call(settings);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("LeakTest: %d calls in %d ms (%d ms each)%n", CYCLES, millis,
        millis / CYCLES);

    settle(() -> openSockets() <= sockets && ownThreads().equals(threads)
        && usedHeapAfterGc() < heap + HEAP_MARGIN);
    assertThat(openSockets()).as("open sockets:%s", socketList()).isLessThanOrEqualTo(sockets);
    assertThat(ownThreads()).as("threads by name (digits as #)").isEqualTo(threads);
    assertThat(sharedPoolThreads()).as("idle threads of JVM-wide pools")
        .isLessThanOrEqualTo(SHARED_CAP);
    assertThat(usedHeapAfterGc()).as("used heap after GC, baseline %d MB", heap >> 20)
        .isLessThan(heap + HEAP_MARGIN);
  }

  /** One call from gathering to both transports stopped. */
  private static void call(OrtcSettings settings) throws Exception {
    try (TestCall call = new TestCall(settings, settings)) {
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      TestSubscriber<RtpPacket> atB = b.dtls.readRtp(SSRC_A).test();
      TestSubscriber<RtpPacket> atA = a.dtls.readRtp(SSRC_B).test();
      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < PACKETS; i++) {
        a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC_A, i));
        b.dtls.writeRtp(MediaRobustnessTest.packet(SSRC_B, i));
      }
      assertThat(atB.awaitCount(PACKETS).values()).hasSize(PACKETS);
      assertThat(atA.awaitCount(PACKETS).values()).hasSize(PACKETS);
      a.dtls.stop();
      b.dtls.stop();
      a.ice.stop();
      b.ice.stop();
      atA.awaitDone(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).assertComplete();
      atB.awaitDone(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).assertComplete();
    }
  }

  /** Polls {@code done} until it holds or the deadline passes; the caller then asserts. */
  private static void settle(BooleanSupplier done) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // a bounded poll, not a sync
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** How many of this process's file descriptors are sockets (/proc/self/fd links). */
  private static long openSockets() {
    return socketLinks().size();
  }

  private static List<String> socketLinks() {
    List<String> links = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:")) {
            links.add(target);
          }
        } catch (IOException e) {
          // the descriptor closed while we listed: not open
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    return links;
  }

  /** The open sockets with their /proc/net/udp line, to name what leaked. */
  private static String socketList() {
    StringBuilder text = new StringBuilder();
    for (String link : socketLinks()) {
      String inode = link.substring("socket:[".length(), link.length() - 1);
      text.append("\n  ").append(link).append(' ').append(udpLine(inode));
    }
    return text.toString();
  }

  private static String udpLine(String inode) {
    for (String table : List.of("udp", "udp6", "tcp", "tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/net", table))) {
          if (List.of(line.trim().split("\\s+")).contains(inode)) {
            return table + " " + line.trim();
          }
        }
      } catch (IOException e) {
        return "";
      }
    }
    return "";
  }

  /** Live threads outside the JVM-wide pools, counted by name with digits replaced by #. */
  private static Map<String, Integer> ownThreads() {
    Map<String, Integer> byName = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !isSharedPool(thread.getName())) {
        byName.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
      }
    }
    return byName;
  }

  private static long sharedPoolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && isSharedPool(t.getName())).count();
  }

  private static boolean isSharedPool(String name) {
    return name.startsWith("ice4j.") || name.startsWith("ForkJoinPool")
        || name.startsWith("Rx");
  }
}
