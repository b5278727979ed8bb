package org.ortc4j.rtcp;

import java.util.HexFormat;

/** Hex fixtures for tests: whitespace and {@code #...} end-of-line comments are ignored. */
public final class Hex {
  private Hex() {}

  /** The bytes a commented hex listing describes. */
  public static byte[] bytes(String listing) {
    StringBuilder digits = new StringBuilder();
    for (String line : listing.split("\n")) {
      int comment = line.indexOf('#');
      digits.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s+", ""));
    }
    return HexFormat.of().parseHex(digits);
  }

  /** Lower-case hex of {@code bytes}, no separators. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
