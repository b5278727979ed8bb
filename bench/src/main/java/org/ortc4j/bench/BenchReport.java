package org.ortc4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a measurement main prints, kept as {@code <out>.txt} and {@code <out>.json}. */
final class BenchReport {
  private final StringBuilder text = new StringBuilder();
  private final List<String> json = new ArrayList<>();

  /** Prints {@code line} and keeps it for the text file. */
  void line(String line) {
    System.out.println(line);
    text.append(line).append('\n');
  }

  /** Adds one {@code "name": value} member to the JSON object. */
  void json(String member) {
    json.add(member);
  }

  /** Writes {@code <out>.txt} and {@code <out>.json}, creating the folder. */
  void write(Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(parent.resolve(out.getFileName() + ".txt"), text, StandardCharsets.UTF_8);
    Files.writeString(parent.resolve(out.getFileName() + ".json"),
        "{\n  " + String.join(",\n  ", json) + "\n}\n", StandardCharsets.UTF_8);
  }

  /** {@code value} as a JSON string. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
