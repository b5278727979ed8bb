package org.ortc4j.dtls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.ortc4j.dtls.internal.CertificateMaterial;
import org.ortc4j.dtls.internal.PemCertificates;
import org.ortc4j.dtls.internal.SelfSignedCertificates;

/**
 * A certificate and its private key: the local identity of a {@link DtlsSession}.
 *
 * <p>WebRTC certificates are self-signed; peers authenticate each other by the certificate
 * {@linkplain #fingerprint(FingerprintAlgorithm) fingerprint} exchanged out of band (SDP), not
 * by a chain of trust. Generate one with {@link #generate()}, or load a stored one with {@link
 * #fromPem(String)}.
 *
 * <p>Instances are immutable and safe to share between threads and sessions. {@link
 * #toString()} never shows the private key.
 */
public final class DtlsCertificate {
  /** The default common name of generated certificates. */
  public static final String DEFAULT_COMMON_NAME = "ortc4j";
  /** The default validity of generated certificates, counted from one day in the past. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

  private static final Duration BACKDATE = Duration.ofDays(1);

  private final CertificateMaterial material;
  // parsed on first use: a handshake never needs it, and loading the JDK's certificate parser
  // doubled the time to make the first certificates (bench/README.md, cold setup)
  private volatile X509Certificate x509;
  private final Object x509Lock = new Object();

  private DtlsCertificate(CertificateMaterial material) {
    this.material = material;
  }

  /**
   * A new ECDSA P-256 certificate with common name {@value #DEFAULT_COMMON_NAME}, valid from one
   * day ago for 30 days, with a random serial.
   */
  public static DtlsCertificate generate() {
    return generate(CertificateKeyType.ECDSA_P256, DEFAULT_COMMON_NAME, DEFAULT_VALIDITY);
  }

  /**
   * A new self-signed certificate with a fresh key pair of {@code keyType} and a random positive
   * serial, valid from one day ago (to tolerate clock skew) for {@code validity}.
   *
   * <p>ECDSA P-256 takes a few milliseconds; RSA-2048 key generation takes tens to hundreds.
   *
   * @throws IllegalArgumentException if {@code commonName} is blank or {@code validity} is not
   *     positive
   */
  public static DtlsCertificate generate(
      CertificateKeyType keyType, String commonName, Duration validity) {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(validity, "validity");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName is blank");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
    Instant notBefore = Instant.now().minus(BACKDATE);
    return new DtlsCertificate(SelfSignedCertificates.generate(
        keyType, commonName, notBefore, notBefore.plus(validity)));
  }

  /**
   * Reads a certificate and its private key from PEM text: one {@code CERTIFICATE} block and
   * one unencrypted key block, {@code PRIVATE KEY} (PKCS #8), {@code EC PRIVATE KEY} or {@code
   * RSA PRIVATE KEY}, in any order. The key must be ECDSA P-256 or RSA-2048 and must belong to
   * the certificate.
   *
   * @throws CertificateFormatException saying what is wrong: a missing or repeated block, an
   *     encrypted or unsupported key, a key of another certificate, unparseable text
   */
  public static DtlsCertificate fromPem(String pem) {
    Objects.requireNonNull(pem, "pem");
    DtlsCertificate certificate = new DtlsCertificate(PemCertificates.fromPem(pem));
    certificate.x509(); // a certificate from elsewhere must be one the JDK reads, checked now
    return certificate;
  }

  /** The certificate as a JDK X.509 object; the same instance on every call. */
  public X509Certificate x509() {
    X509Certificate parsed = x509;
    if (parsed == null) {
      synchronized (x509Lock) {
        parsed = x509;
        if (parsed == null) {
          parsed = parse(material.der());
          x509 = parsed;
        }
      }
    }
    return parsed;
  }

  /** The DER encoding of the certificate (a copy). */
  public byte[] der() {
    return material.der().clone();
  }

  /** The type of the key pair. */
  public CertificateKeyType keyType() {
    return material.keyType();
  }

  /** The start of the validity period. */
  public Instant notBefore() {
    return x509().getNotBefore().toInstant();
  }

  /** The end of the validity period. */
  public Instant notAfter() {
    return x509().getNotAfter().toInstant();
  }

  /** Whether {@code now} lies after {@link #notAfter()}. */
  public boolean isExpired(Instant now) {
    return now.isAfter(notAfter());
  }

  /** The fingerprint of this certificate under {@code algorithm}, for SDP. */
  public CertificateFingerprint fingerprint(FingerprintAlgorithm algorithm) {
    return CertificateFingerprint.of(algorithm, material.der());
  }

  /** The fingerprints under all five algorithms, in {@link FingerprintAlgorithm} order. */
  public List<CertificateFingerprint> fingerprints() {
    List<CertificateFingerprint> all = new ArrayList<>();
    for (FingerprintAlgorithm algorithm : FingerprintAlgorithm.values()) {
      all.add(fingerprint(algorithm));
    }
    return List.copyOf(all);
  }

  /**
   * The certificate and its private key (unencrypted PKCS #8, {@code PRIVATE KEY}) as PEM text.
   * Treat the result as a secret.
   */
  public String toPem() {
    return PemCertificates.toPem(material.der(), material.pkcs8());
  }

  /** The certificate alone as PEM text (no key). */
  public String certificatePem() {
    return PemCertificates.block("CERTIFICATE", material.der());
  }

  /** The private key for the handshake; package-private so it never leaves the module. */
  AsymmetricKeyParameter privateKey() {
    return material.privateKey();
  }

  /** The certificate as parsed by BouncyCastle, for the handshake. */
  Certificate parsed() {
    return material.certificate();
  }

  /** Certificates are equal when their DER encodings are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DtlsCertificate that
        && Arrays.equals(material.der(), that.material.der());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(material.der());
  }

  /** The key type, subject and sha-256 fingerprint; never the key. */
  @Override
  public String toString() {
    return "DtlsCertificate[" + keyType() + ", " + x509().getSubjectX500Principal().getName()
        + ", " + fingerprint(FingerprintAlgorithm.SHA_256) + "]";
  }

  private static X509Certificate parse(byte[] der) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CertificateFormatException("the JDK cannot read the certificate", e);
    }
  }
}
