package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsFailure;

/**
 * Checks the peer's end-entity certificate against the expected fingerprints inside the
 * handshake, so that a mismatch aborts it with bad_certificate before any key is derived.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8122#section-6.1">RFC 8122 §6.1</a>
 */
final class FingerprintVerifier {
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
    for (CertificateFingerprint fingerprint : expected) {
      if (fingerprint.matches(ders.get(0))) {
        events.remoteCertificate(ders, fingerprint);
        return;
      }
    }
    events.failLocally(DtlsFailure.FINGERPRINT_MISMATCH,
        "the peer's certificate matches none of " + expected);
    throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch");
  }

  private static List<byte[]> encoded(Certificate chain) throws IOException {
    List<byte[]> ders = new ArrayList<>(chain.getLength());
    for (int i = 0; i < chain.getLength(); i++) {
      ders.add(chain.getCertificateAt(i).getEncoded());
    }
    return ders;
  }
}
