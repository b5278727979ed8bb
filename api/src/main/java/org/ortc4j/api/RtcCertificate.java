package org.ortc4j.api;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.FingerprintAlgorithm;

/**
 * A self-signed certificate and its private key, for a {@link DtlsTransport}: what W3C's
 * {@code RTCCertificate} is to a browser. ECDSA P-256 by default (RSA-2048 on request), a random
 * serial, valid from a day ago; PEM out and in to keep one identity across runs.
 *
 * <p>Immutable and thread-safe. The private key never leaves except through {@link #toPem()}.
 *
 * @see <a href="https://www.w3.org/TR/webrtc/#rtccertificate-interface">W3C RTCCertificate</a>
 */
public final class RtcCertificate {
  /** How far back the dtls module dates a new certificate's start ({@link DtlsCertificate}). */
  private static final Duration BACKDATE = Duration.ofDays(1);

  private final DtlsCertificate certificate;

  private RtcCertificate(DtlsCertificate certificate) {
    this.certificate = certificate;
  }

  /** A new ECDSA P-256 certificate valid for 30 days. */
  public static RtcCertificate generate() {
    return generate(CertificateKeyType.ECDSA_P256, DtlsCertificate.DEFAULT_VALIDITY);
  }

  /**
   * A new certificate.
   *
   * @param keyType ECDSA P-256 or RSA-2048
   * @param validity how long from now it stays valid
   * @throws IllegalArgumentException if {@code validity} is not positive
   */
  public static RtcCertificate generate(CertificateKeyType keyType, Duration validity) {
    Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
    // the dtls module counts validity from its backdated start, a day ago: add that day back
    // so that the certificate expires `validity` from now, as W3C's `expires` does
    return new RtcCertificate(DtlsCertificate.generate(keyType,
        DtlsCertificate.DEFAULT_COMMON_NAME, validity.plus(BACKDATE)));
  }

  /**
   * Reads a certificate and key written by {@link #toPem()} (or by OpenSSL: {@code CERTIFICATE}
   * plus {@code PRIVATE KEY}, {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}).
   *
   * @throws org.ortc4j.dtls.CertificateFormatException saying what is wrong with the text
   */
  public static RtcCertificate fromPem(String pem) {
    return new RtcCertificate(DtlsCertificate.fromPem(pem));
  }

  /** Wraps a certificate made with the dtls module. */
  public static RtcCertificate of(DtlsCertificate certificate) {
    return new RtcCertificate(Objects.requireNonNull(certificate, "certificate"));
  }

  /** The certificate then the PKCS #8 private key, as PEM text: keep it secret. */
  public String toPem() {
    return certificate.toPem();
  }

  /** The certificate alone as PEM text, safe to share. */
  public String certificatePem() {
    return certificate.certificatePem();
  }

  /** The fingerprint with {@code algorithm}. */
  public CertificateFingerprint fingerprint(FingerprintAlgorithm algorithm) {
    return certificate.fingerprint(algorithm);
  }

  /**
   * The fingerprints to signal: the SHA-256 one, as browsers and Pion signal it. Other
   * algorithms are available from {@link #fingerprint}.
   */
  public List<CertificateFingerprint> getFingerprints() {
    return List.of(certificate.fingerprint(FingerprintAlgorithm.SHA_256));
  }

  /** The end of the validity period. */
  public Instant expires() {
    return certificate.notAfter();
  }

  /** Whether {@code now} is after {@link #expires()} (the start, a day back, is not checked). */
  public boolean isExpired(Instant now) {
    return certificate.isExpired(now);
  }

  /** The key type. */
  public CertificateKeyType keyType() {
    return certificate.keyType();
  }

  /** The parsed certificate. */
  public X509Certificate x509() {
    return certificate.x509();
  }

  /** The DER encoding (a copy). */
  public byte[] der() {
    return certificate.der();
  }

  /** The dtls module's form, for use with a {@link org.ortc4j.dtls.DtlsSession} directly. */
  public DtlsCertificate dtlsCertificate() {
    return certificate;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtcCertificate c && c.certificate.equals(certificate);
  }

  @Override
  public int hashCode() {
    return certificate.hashCode();
  }

  @Override
  public String toString() {
    return "RtcCertificate" + certificate.toString().replaceFirst("^[A-Za-z]+", "");
  }
}
