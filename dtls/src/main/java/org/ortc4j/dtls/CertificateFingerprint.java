package org.ortc4j.dtls;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.ortc4j.dtls.internal.FingerprintDigests;

/**
 * A certificate fingerprint in SDP form: an algorithm and the hash of the DER certificate as
 * upper-case hex bytes separated by colons, e.g. {@code sha-256 AB:CD:...}.
 *
 * <p>The value is normalised to upper case in the constructor, so equality is
 * case-insensitive on the hex digits, as RFC 8122 asks. Instances are immutable.
 *
 * @param algorithm the hash function
 * @param value the hash as colon-separated hex bytes, any case on input, upper case stored
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8122#section-5">RFC 8122 §5</a>
 */
public record CertificateFingerprint(FingerprintAlgorithm algorithm, String value) {
  private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

  /**
   * Validates and normalises.
   *
   * @throws IllegalArgumentException if {@code value} is not colon-separated hex bytes of the
   *     algorithm's digest length
   */
  public CertificateFingerprint {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    value = value.trim().toUpperCase(Locale.ROOT);
    byte[] bytes = parseHex(value);
    int expected = FingerprintDigests.length(algorithm);
    if (bytes.length != expected) {
      throw new IllegalArgumentException(
          algorithm.sdpName() + " fingerprint needs " + expected + " bytes, got " + bytes.length);
    }
  }

  /** The fingerprint of a DER-encoded certificate. */
  public static CertificateFingerprint of(FingerprintAlgorithm algorithm, byte[] der) {
    Objects.requireNonNull(der, "der");
    return new CertificateFingerprint(
        algorithm, HEX.formatHex(FingerprintDigests.digest(algorithm, der)));
  }

  /**
   * Parses the SDP form {@code "<algorithm> <hex>"}, e.g. the value of an {@code a=fingerprint}
   * attribute. The algorithm name and the hex digits are case-insensitive.
   *
   * @throws IllegalArgumentException if the text is not in that form
   */
  public static CertificateFingerprint parse(String sdp) {
    Objects.requireNonNull(sdp, "sdp");
    String[] parts = sdp.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected '<algorithm> <hex>', got: " + sdp);
    }
    return new CertificateFingerprint(FingerprintAlgorithm.fromSdpName(parts[0]), parts[1]);
  }

  /** Whether this fingerprint is the hash of {@code der} under {@link #algorithm()}. */
  public boolean matches(byte[] der) {
    // value is already in the canonical form, so comparing text needs no parse; a fingerprint
    // is public, so the comparison need not be constant-time
    return HEX.formatHex(FingerprintDigests.digest(algorithm, der)).equals(value);
  }

  /** The hash bytes (a copy). */
  public byte[] bytes() {
    return parseHex(value);
  }

  /** The SDP form, e.g. {@code sha-256 AB:CD:...}. */
  @Override
  public String toString() {
    return algorithm.sdpName() + " " + value;
  }

  private static byte[] parseHex(String value) {
    if (value.isEmpty() || (value.length() + 1) % 3 != 0) {
      throw new IllegalArgumentException("fingerprint is not colon-separated hex bytes: " + value);
    }
    try {
      return HEX.parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fingerprint is not colon-separated hex bytes: " + value, e);
    }
  }
}
