package org.ortc4j.dtls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ortc4j.dtls.internal.PemCertificates;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpProfile;

/**
 * What a completed handshake negotiated and learned about the peer.
 *
 * @param role this side's role
 * @param cipherSuite the negotiated cipher suite's IANA name, e.g. {@code
 *     TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}
 * @param protocolVersion the protocol version name, {@code DTLSv1.2}
 * @param srtp the SRTP keying material with its profile; empty only when SRTP was turned off
 * @param remoteCertificateChain the peer's certificate chain as DER, end-entity first (never
 *     empty; the accessor returns copies)
 * @param matchedFingerprint the configured remote fingerprint the peer's certificate matched
 */
public record DtlsHandshakeResult(
    DtlsRole role, String cipherSuite, String protocolVersion,
    Optional<SrtpKeyingMaterial> srtp, List<byte[]> remoteCertificateChain,
    CertificateFingerprint matchedFingerprint) {

  /** Validates and copies the chain. */
  public DtlsHandshakeResult {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    Objects.requireNonNull(srtp, "srtp");
    Objects.requireNonNull(matchedFingerprint, "matchedFingerprint");
    remoteCertificateChain = remoteCertificateChain.stream().map(byte[]::clone).toList();
    if (remoteCertificateChain.isEmpty()) {
      throw new IllegalArgumentException("remoteCertificateChain is empty");
    }
  }

  /** The peer's certificate chain as DER, end-entity first (fresh copies). */
  @Override
  public List<byte[]> remoteCertificateChain() {
    return remoteCertificateChain.stream().map(byte[]::clone).toList();
  }

  /** The negotiated SRTP profile, empty when SRTP was turned off. */
  public Optional<SrtpProfile> srtpProfile() {
    return srtp.map(SrtpKeyingMaterial::profile);
  }

  /** The peer's end-entity certificate as DER (a copy). */
  public byte[] remoteCertificateDer() {
    return remoteCertificateChain.get(0).clone();
  }

  /** The peer's end-entity certificate as a JDK X.509 object. */
  public X509Certificate remoteCertificate() {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(remoteCertificateChain.get(0)));
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK cannot read the peer's certificate", e);
    }
  }

  /** The peer's end-entity certificate as a PEM {@code CERTIFICATE} block. */
  public String remoteCertificatePem() {
    return PemCertificates.block("CERTIFICATE", remoteCertificateChain.get(0));
  }

  /** The peer's end-entity certificate fingerprint under {@code algorithm}. */
  public CertificateFingerprint remoteFingerprint(FingerprintAlgorithm algorithm) {
    return CertificateFingerprint.of(algorithm, remoteCertificateChain.get(0));
  }

  /** The peer's end-entity certificate fingerprints under all five algorithms. */
  public List<CertificateFingerprint> remoteFingerprints() {
    return Arrays.stream(FingerprintAlgorithm.values())
        .map(this::remoteFingerprint).toList();
  }

  /** Names the negotiated parameters; never key material. */
  @Override
  public String toString() {
    return "DtlsHandshakeResult[" + role + ", " + protocolVersion + ", " + cipherSuite + ", srtp="
        + srtpProfile().map(Enum::name).orElse("none") + ", remote=" + matchedFingerprint + "]";
  }
}
