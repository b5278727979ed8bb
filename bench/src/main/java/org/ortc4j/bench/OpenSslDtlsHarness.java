package org.ortc4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds and runs our OpenSSL harness, {@code bench/src/main/c/openssl_dtls_handshake.c}: OpenSSL
 * 3 to OpenSSL 3 DTLS-SRTP handshakes in one process, timed by the harness itself. Needs {@code
 * gcc} and OpenSSL's headers and libraries ({@code libssl-dev} on Debian).
 */
final class OpenSslDtlsHarness {
  private static final long BUILD_TIMEOUT_SECONDS = 120;
  private static final long RUN_TIMEOUT_SECONDS = 300;

  private final Path executable;

  private OpenSslDtlsHarness(Path executable) {
    this.executable = executable;
  }

  /**
   * Compiles the harness into {@code targetDirectory} with {@code gcc -O2}.
   *
   * @param benchDirectory the {@code bench} module directory (holding {@code src/main/c})
   * @throws IOException if gcc is missing or the build fails (gcc's output in the message)
   */
  static OpenSslDtlsHarness build(Path benchDirectory, Path targetDirectory)
      throws IOException, InterruptedException {
    Path source = benchDirectory.resolve("src/main/c/openssl_dtls_handshake.c");
    Path executable = targetDirectory.resolve("openssl_dtls_handshake");
    Files.createDirectories(targetDirectory);
    List<String> command =
        List.of(
            "gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", executable.toString(),
            source.toString(), "-lssl", "-lcrypto");
    Result result = execute(command, BUILD_TIMEOUT_SECONDS);
    if (result.exitCode != 0) {
      throw new IOException("gcc failed (" + result.exitCode + "): " + result.output);
    }
    return new OpenSslDtlsHarness(executable);
  }

  /**
   * Runs {@code handshakes} measured handshakes after {@code warmup} unmeasured ones.
   *
   * @param groups an OpenSSL group list ({@code X25519}, {@code P-256}), or null for OpenSSL's
   *     default list
   * @throws IOException if the harness fails (a handshake failed, or the keys differ)
   */
  HandshakeReport run(int handshakes, int warmup, String groups)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(executable.toString(), "-n", "" + handshakes, "-w", "" + warmup));
    if (groups != null) {
      command.addAll(List.of("-g", groups));
    }
    Result result = execute(command, RUN_TIMEOUT_SECONDS);
    if (result.exitCode != 0) {
      throw new IOException("harness failed (" + result.exitCode + "): " + result.output);
    }
    return HandshakeReport.parse(result.output);
  }

  /** A finished child process: its exit code and everything it printed. */
  record Result(int exitCode, String output) {}

  /** Runs {@code command}, its output and errors merged; fails after {@code timeoutSeconds}. */
  static Result execute(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream output = process.getInputStream()) {
      byte[] bytes = output.readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
