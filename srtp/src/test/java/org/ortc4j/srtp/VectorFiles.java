package org.ortc4j.srtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The libsrtp vector folder: the one named by the system property {@code ortc4j.srtp.vectors}
 * when set, else the copy in test resources. Lines starting with '#' and blank lines are skipped.
 */
final class VectorFiles {
  static final String PROPERTY = "ortc4j.srtp.vectors";

  /** Vector file names use libsrtp's profile names. */
  static final Map<String, SrtpProfile> PROFILES = Map.of(
      "AES_CM_128_HMAC_SHA1_80", SrtpProfile.AES128_CM_HMAC_SHA1_80,
      "AES_CM_128_HMAC_SHA1_32", SrtpProfile.AES128_CM_HMAC_SHA1_32,
      "AEAD_AES_128_GCM", SrtpProfile.AEAD_AES_128_GCM,
      "AEAD_AES_256_GCM", SrtpProfile.AEAD_AES_256_GCM);

  private VectorFiles() {}

  static Path folder() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      return Path.of(VectorFiles.class.getResource("/vectors/srtp/keys.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The packets of one file, one per non-comment line. */
  static List<byte[]> packets(String fileName) {
    return lines(fileName).stream().map(HexFormat.of()::parseHex).collect(Collectors.toList());
  }

  /** Vector name (e.g. AES_CM_128_HMAC_SHA1_80) to master key || master salt. */
  static Map<String, byte[]> keys() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String line : lines("keys.txt")) {
      String[] fields = line.trim().split("\\s+");
      keys.put(fields[0], HexFormat.of().parseHex(fields[1]));
    }
    return keys;
  }

  private static List<String> lines(String fileName) {
    try {
      return Files.readAllLines(folder().resolve(fileName)).stream()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
