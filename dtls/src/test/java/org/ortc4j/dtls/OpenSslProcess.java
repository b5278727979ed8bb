package org.ortc4j.dtls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running {@code openssl} command whose merged stdout and stderr the test reads line by line.
 * Its stdin stays open (s_server and s_client quit at EOF) until {@link #close()}, which kills
 * the process.
 */
final class OpenSslProcess implements AutoCloseable {
  private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-F]+)");
  private static final Pattern SRTP_PROFILE =
      Pattern.compile("SRTP Extension negotiated, profile=(\\S+)");
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----\\n.*?-----END CERTIFICATE-----\\n", Pattern.DOTALL);

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private OpenSslProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "openssl-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code openssl} with {@code args} in {@code directory}. */
  static OpenSslProcess start(Path directory, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(args);
    return new OpenSslProcess(new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).start());
  }

  /**
   * Makes OpenSSL's own self-signed P-256 certificate in {@code directory} (openssl.cert.pem,
   * openssl.key.pem) and returns it as ours to know its fingerprint.
   */
  static DtlsCertificate makeCertificate(Path directory) throws Exception {
    run(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "openssl.key.pem", "-out",
        "openssl.cert.pem", "-days", "30", "-sha256", "-subj", "/CN=openssl-peer");
    return DtlsCertificate.fromPem(
        Files.readString(directory.resolve("openssl.cert.pem"))
            + Files.readString(directory.resolve("openssl.key.pem")));
  }

  /** Runs {@code openssl} with {@code args} to completion and returns its output. */
  static String run(Path directory, String... args) throws Exception {
    try (OpenSslProcess openssl = start(directory, List.of(args))) {
      openssl.process.getOutputStream().close();
      if (!openssl.process.waitFor(60, TimeUnit.SECONDS) || openssl.process.exitValue() != 0) {
        throw new AssertionError("openssl " + String.join(" ", args) + " failed:\n"
            + openssl.awaitEnd(Duration.ofSeconds(5)));
      }
      return openssl.awaitEnd(Duration.ofSeconds(5));
    }
  }

  /** Waits until a line matches {@code regex}; returns the first group, or the whole line. */
  String awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      for (int seen = 0; ; ) {
        for (; seen < lines.size(); seen++) {
          Matcher matcher = pattern.matcher(lines.get(seen));
          if (matcher.find()) {
            return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (ended || left <= 0) {
          throw new AssertionError("openssl printed no line matching '" + regex + "'"
              + (ended ? " before it ended" : " in " + timeout) + ":\n" + output());
        }
        lines.wait(left);
      }
    }
  }

  /** The hex keying material OpenSSL exported, once printed. */
  byte[] awaitKeyingMaterial(Duration timeout) throws InterruptedException {
    awaitLine(KEYING_MATERIAL.pattern(), timeout);
    Matcher matcher = KEYING_MATERIAL.matcher(output());
    matcher.find();
    return java.util.HexFormat.of().parseHex(matcher.group(1));
  }

  /** The SRTP profile name OpenSSL printed, once printed. */
  String awaitSrtpProfile(Duration timeout) throws InterruptedException {
    return awaitLine(SRTP_PROFILE.pattern(), timeout);
  }

  /** The first PEM certificate OpenSSL printed (the peer's), if any. */
  Optional<String> firstCertificatePem() {
    Matcher matcher = PEM.matcher(output());
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  /** Writes a line to OpenSSL's stdin: s_server and s_client send it as application data. */
  void writeLine(String line) throws IOException {
    OutputStream stdin = process.getOutputStream();
    stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
  }

  /** Everything printed so far. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines) + "\n";
    }
  }

  /** Waits for the process to end and returns everything it printed. */
  String awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (!ended) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("openssl did not end in " + timeout + ":\n" + output());
        }
        lines.wait(left);
      }
    }
    return output();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process was killed: its output ends here
    } finally {
      synchronized (lines) {
        ended = true;
        lines.notifyAll();
      }
    }
  }
}
