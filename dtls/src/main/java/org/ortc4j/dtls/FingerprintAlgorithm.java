package org.ortc4j.dtls;

import java.util.Locale;
import java.util.Objects;

/**
 * The hash functions a certificate fingerprint can use, with their SDP names.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8122#section-5">RFC 8122 §5</a>
 */
public enum FingerprintAlgorithm {
  /** SHA-1, SDP name {@code sha-1}. */
  SHA_1("sha-1", "SHA-1"),
  /** SHA-224, SDP name {@code sha-224}. */
  SHA_224("sha-224", "SHA-224"),
  /** SHA-256, SDP name {@code sha-256}: what browsers send. */
  SHA_256("sha-256", "SHA-256"),
  /** SHA-384, SDP name {@code sha-384}. */
  SHA_384("sha-384", "SHA-384"),
  /** SHA-512, SDP name {@code sha-512}. */
  SHA_512("sha-512", "SHA-512");

  private final String sdpName;
  private final String jcaName;

  FingerprintAlgorithm(String sdpName, String jcaName) {
    this.sdpName = sdpName;
    this.jcaName = jcaName;
  }

  /** The lower-case name used in SDP {@code a=fingerprint} lines, e.g. {@code sha-256}. */
  public String sdpName() {
    return sdpName;
  }

  /** The JCA {@link java.security.MessageDigest} algorithm name, e.g. {@code SHA-256}. */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The algorithm with this SDP name, compared case-insensitively ({@code SHA-256} is accepted).
   *
   * @throws IllegalArgumentException if the name is not one of the five supported
   * @throws NullPointerException if {@code name} is null
   */
  public static FingerprintAlgorithm fromSdpName(String name) {
    Objects.requireNonNull(name, "name");
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (FingerprintAlgorithm algorithm : values()) {
      if (algorithm.sdpName.equals(lower)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("unsupported fingerprint algorithm: " + name);
  }
}
