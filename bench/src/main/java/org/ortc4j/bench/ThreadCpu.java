package org.ortc4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads between {@link #start()} and {@link #coresByGroup()}, grouped
 * by thread name without its digits ({@code ortc4j-ice-read-3} and {@code -7} are one group), as
 * cores (CPU time over wall time). Threads that ended in between are not counted.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> before;
  private final long startNanos = System.nanoTime();

  private ThreadCpu(Map<Long, Long> before) {
    this.before = before;
  }

  static ThreadCpu start() {
    Map<Long, Long> now = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      now.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
    }
    return new ThreadCpu(now);
  }

  /** "group=cores, ..." for groups above 0.01 cores, largest first. */
  String coresByGroup() {
    double wall = System.nanoTime() - startNanos;
    Map<String, Long> byGroup = new TreeMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      ThreadInfo info = THREADS.getThreadInfo(id);
      long cpu = THREADS.getThreadCpuTime(id);
      if (info == null || cpu < 0) {
        continue;
      }
      String group = info.getThreadName().replaceAll("\\d+", "N");
      byGroup.merge(group, cpu - before.getOrDefault(id, 0L), Long::sum);
    }
    return byGroup.entrySet().stream()
        .filter(e -> e.getValue() / wall >= 0.01)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey(), e.getValue() / wall))
        .collect(Collectors.joining(", "));
  }
}
