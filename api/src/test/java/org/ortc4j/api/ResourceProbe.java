package org.ortc4j.api;

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

/**
 * What the leak, load and soak tests measure of this JVM: open sockets and file descriptors
 * (from /proc/self/fd), live threads by name, used heap after a full GC. ice4j (its agent
 * scheduler, task pools) and RxJava keep JVM-wide pools whose idle threads may stay: those are
 * counted apart ({@link #sharedPoolThreads()}).
 */
final class ResourceProbe {
  private ResourceProbe() {}

  /** Polls {@code done} until it holds or {@code seconds} pass; the caller then asserts. */
  static void settle(long seconds, BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // a bounded poll, not a sync
    }
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** How many of this process's file descriptors are sockets. */
  static long openSockets() {
    return fdLinks().stream().filter(link -> link.startsWith("socket:")).count();
  }

  /** How many file descriptors this process has open, of any kind. */
  static long openFds() {
    return fdLinks().size();
  }

  private static List<String> fdLinks() {
    List<String> links = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> {
        try {
          links.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
          // the descriptor closed while we listed: not open
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    return links;
  }

  /** The open sockets with their /proc/net line, to name what leaked. */
  static String socketList() {
    StringBuilder text = new StringBuilder();
    for (String link : fdLinks()) {
      if (link.startsWith("socket:")) {
        String inode = link.substring("socket:[".length(), link.length() - 1);
        text.append("\n  ").append(link).append(' ').append(netLine(inode));
      }
    }
    return text.toString();
  }

  private static String netLine(String inode) {
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
  static Map<String, Integer> ownThreads() {
    Map<String, Integer> byName = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !isSharedPool(thread.getName())) {
        byName.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
      }
    }
    return byName;
  }

  static long liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  static long sharedPoolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && isSharedPool(t.getName())).count();
  }

  private static boolean isSharedPool(String name) {
    return name.startsWith("ice4j.") || name.startsWith("ForkJoinPool")
        || name.startsWith("Rx");
  }
}
