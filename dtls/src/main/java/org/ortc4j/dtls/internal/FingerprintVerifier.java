package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsFailure;
import org.ortc4j.dtls.FingerprintAlgorithm;

/**
 * Checks the peer's end-entity certificate against the expected fingerprints inside the
 * handshake, so that a mismatch aborts it with bad_certificate before any key is derived.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8122#section-6.1">RFC 8122 §6.1</a>
 */
final class FingerprintVerifier {
  private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

  private final List<CertificateFingerprint> expected;
  private final HandshakeEvents events;

  FingerprintVerifier(List<CertificateFingerprint> expected, HandshakeEvents events) {
    this.expected = expected;
    this.events = events;
  }

  /** Accepts {@code chain} if its first certificate matches any expected fingerprint. */
  void verify(Certificate chain) throws IOException {
    if (chain == null || chain.isEmpty()) {
      events.failLocally(DtlsFailure.CERTIFICATE_MISSING, "the peer sent no certificate");
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "no peer certificate");
    }
    List<byte[]> ders = encoded(chain);
    Map<FingerprintAlgorithm, String> actual = new EnumMap<>(FingerprintAlgorithm.class);
    for (CertificateFingerprint fingerprint : expected) {
      // one hash per algorithm, however many fingerprints use it
      String hash = actual.computeIfAbsent(fingerprint.algorithm(), a -> hex(a, ders.get(0)));
      if (hash.equals(fingerprint.value())) {
        events.remoteCertificate(ders, fingerprint);
        return;
      }
    }
    events.failLocally(DtlsFailure.FINGERPRINT_MISMATCH,
        "the peer's certificate matches none of " + expected);
    throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch");
  }

  /** The hash in the canonical form {@link CertificateFingerprint#value()} holds. */
  private static String hex(FingerprintAlgorithm algorithm, byte[] der) {
    return HEX.formatHex(FingerprintDigests.digest(algorithm, der));
  }

  private static List<byte[]> encoded(Certificate chain) throws IOException {
    List<byte[]> ders = new ArrayList<>(chain.getLength());
    for (int i = 0; i < chain.getLength(); i++) {
      ders.add(chain.getCertificateAt(i).getEncoded());
    }
    return ders;
  }
}
