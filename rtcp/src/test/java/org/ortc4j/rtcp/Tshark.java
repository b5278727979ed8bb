package org.ortc4j.rtcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tshark over a capture and returns one row of fields per frame. tshark must be
 * installed ({@code .ci/run} installs it); its absence is a failure, never a skip.
 */
final class Tshark {
  private Tshark() {}

  /**
   * Runs {@code tshark -r capture} with the given decode-as rules and returns, per frame, the
   * tab-separated values of {@code fields}.
   */
  static List<String[]> fields(Path capture, List<String> decodeAs, List<String> fields)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
    for (String rule : decodeAs) {
      command.addAll(List.of("-d", rule));
    }
    command.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"));
    for (String field : fields) {
      command.addAll(List.of("-e", field));
    }
    Path output = Files.createTempFile("tshark", ".txt");
    Path errors = Files.createTempFile("tshark", ".err");
    try {
      Process process = start(command, output, errors);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tshark did not finish within 120 s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "tshark exited " + process.exitValue() + ": " + Files.readString(errors));
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
        rows.add(line.split("\t", -1));
      }
      return rows;
    } finally {
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }

  private static Process start(List<String> command, Path output, Path errors) throws IOException {
    try {
      return new ProcessBuilder(command)
          .redirectOutput(output.toFile())
          .redirectError(errors.toFile())
          .start();
    } catch (IOException e) {
      throw new AssertionError(
          "tshark is needed by this test and was not found; install it (apt-get install tshark),"
              + " as .ci/run does",
          e);
    }
  }
}
