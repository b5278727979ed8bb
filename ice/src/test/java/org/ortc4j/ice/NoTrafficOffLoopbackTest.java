package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves that the default test configuration sends nothing beyond loopback: a child JVM runs
 * {@link LoopbackTrafficMain} under {@code strace -f -e trace=network}, and every destination
 * of every connect/sendto/sendmsg it made must be 127.0.0.0/8 or ::1 (ice4j's cloud-metadata
 * probe would show up as 169.254.169.254). Needs strace (Debian package {@code strace}); fails
 * when it is missing.
 */
class NoTrafficOffLoopbackTest {
  private static final Pattern SYSCALL = Pattern.compile("\\b(connect|sendto|sendmsg|sendmmsg)\\(");
  private static final Pattern V4 = Pattern.compile("inet_addr\\(\"([^\"]+)\"\\)");
  private static final Pattern V6 = Pattern.compile("inet_pton\\(AF_INET6, \"([^\"]+)\"");

  @Test
  void everyDestinationIsLoopback() throws Exception {
    Path trace = Paths.get("target", "strace-loopback.txt").toAbsolutePath();
    Files.createDirectories(trace.getParent());
    Process child = new ProcessBuilder(command(trace))
        .redirectErrorStream(true)
        .redirectOutput(Paths.get("target", "strace-loopback.out").toFile())
        .start();
    if (!child.waitFor(90, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      fail("the traced child did not finish in 90 s; see target/strace-loopback.out");
    }
    assertThat(child.exitValue()).as("child exit; see target/strace-loopback.out").isZero();

    List<String> destinations = destinations(trace);
    assertThat(destinations).as("the trace saw our traffic").contains("::1")
        .anyMatch(a -> a.endsWith("127.0.0.1"));
    assertThat(destinations).as("destinations in " + trace)
        .allMatch(NoTrafficOffLoopbackTest::isLoopback);
  }

  private static List<String> command(Path trace) throws IOException {
    requireStrace();
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=network",
        "-o", trace.toString(), java, "-cp", System.getProperty("java.class.path")));
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("ice4j.") || key.startsWith("java.util.logging.config")) {
        cmd.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    cmd.add(LoopbackTrafficMain.class.getName());
    return cmd;
  }

  private static void requireStrace() {
    try {
      Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail("strace -V failed: install the Debian package strace");
      }
    } catch (IOException | InterruptedException e) {
      fail("strace is required (Debian package strace): " + e);
    }
  }

  static List<String> destinations(Path trace) throws IOException {
    List<String> result = new ArrayList<>();
    for (String line : Files.readAllLines(trace)) {
      if (!SYSCALL.matcher(line).find()) {
        continue;
      }
      for (Pattern p : new Pattern[] {V4, V6}) {
        Matcher m = p.matcher(line);
        while (m.find()) {
          result.add(m.group(1));
        }
      }
    }
    return result;
  }

  static boolean isLoopback(String address) {
    String v4 = address.startsWith("::ffff:") ? address.substring(7) : address;
    return v4.startsWith("127.") || address.equals("::1");
  }
}
