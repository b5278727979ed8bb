package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 100 gather/connect/close cycles in one JVM leave no thread and no socket behind: our threads
 * end and our sockets close on close(), and ice4j's per-agent threads and sockets go with
 * {@code free()}. ice4j's shared pools (its agent scheduler and task pools) are JVM-wide; they
 * may keep idle threads, up to {@link #SHARED_POOL_CAP}.
 */
class IceAgentLeakTest {
  private static final int CYCLES = 100;
  private static final int SHARED_POOL_CAP = 24;
  private static final long SETTLE_MILLIS = 15_000;

  @Test
  void hundredCyclesReturnToBaseline() throws Exception {
    cycle(); // warms ice4j's shared pools and the JDK
    cycle();
    long baselineSockets = socketCount();
    Map<String, Integer> baselineThreads = ownThreads();

    for (int i = 0; i < CYCLES; i++) {
      cycle();
    }

    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (System.currentTimeMillis() < deadline
        && (socketCount() > baselineSockets || !ownThreads().equals(baselineThreads))) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll, 5 ms steps
    }
    assertThat(socketCount()).as("open sockets: %s", describeSockets())
        .isLessThanOrEqualTo(baselineSockets);
    assertThat(ownThreads()).as("our threads and ice4j's per-agent threads")
        .isEqualTo(baselineThreads);
    assertThat(sharedPoolThreads()).as("ice4j shared pool threads")
        .isLessThanOrEqualTo(SHARED_POOL_CAP);
  }

  private static void cycle() throws Exception {
    IceAgentConfig config = TestConfigs.v4();
    try (AgentPair pair = new AgentPair(config, config)) {
      pair.connectTrickling(IceRole.CONTROLLING, IceRole.CONTROLLED);
      pair.awaitConnected(TestConfigs.WAIT);
    }
  }

  /** Sockets this process holds open (/proc/self/fd links to socket:[inode]). */
  static long socketCount() throws IOException {
    try (Stream<Path> fds = Files.list(Paths.get("/proc/self/fd"))) {
      return fds.filter(IceAgentLeakTest::isSocket).count();
    }
  }

  /** Each open socket's /proc/net line, to name a leak. */
  static String describeSockets() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> fds = Files.list(Paths.get("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        String link;
        try {
          link = Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
          continue;
        }
        if (link.startsWith("socket:")) {
          sb.append('\n').append(link).append(' ').append(procNetLine(link.substring(8, link.length() - 1)));
        }
      }
    }
    return sb.toString();
  }

  private static String procNetLine(String inode) throws IOException {
    for (String table : new String[] {"udp", "udp6", "tcp", "tcp6", "unix"}) {
      for (String line : Files.readAllLines(Paths.get("/proc/net/" + table))) {
        if (line.contains(" " + inode + " ") || line.endsWith(" " + inode)) {
          return table + ": " + line.trim();
        }
      }
    }
    return "(not in /proc/net)";
  }

  private static boolean isSocket(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("socket:");
    } catch (IOException e) {
      return false; // closed while listing
    }
  }

  /** Live threads by name prefix (digits stripped), excluding ice4j's shared pools. */
  static Map<String, Integer> ownThreads() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !isSharedPool(t.getName())) {
        counts.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static long sharedPoolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> isSharedPool(t.getName())).count();
  }

  private static boolean isSharedPool(String name) {
    return name.startsWith("ice4j.") || name.startsWith("ForkJoinPool");
  }
}
