package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.CertificateFormatException;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.dtls.FingerprintAlgorithm;

/** Generation (ECDSA, RSA), PEM round trip, the signalled fingerprint, and expiry. */
class RtcCertificateTest {
  @Test
  void pemRoundTripKeepsTheIdentity() {
    RtcCertificate original = RtcCertificate.generate();
    String pem = original.toPem();

    RtcCertificate read = RtcCertificate.fromPem(pem);

    assertThat(read).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(read.der()).isEqualTo(original.der());
    assertThat(read.getFingerprints()).isEqualTo(original.getFingerprints());
    assertThat(read.expires()).isEqualTo(original.expires());
    assertThat(read.keyType()).isEqualTo(CertificateKeyType.ECDSA_P256);
    assertThat(pem).contains("BEGIN CERTIFICATE").contains("PRIVATE KEY");
    assertThat(original.certificatePem()).contains("BEGIN CERTIFICATE")
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void theSignalledFingerprintIsTheSha256OfTheDer() throws Exception {
    RtcCertificate certificate = RtcCertificate.generate();
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.der());
    String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);

    assertThat(certificate.getFingerprints()).containsExactly(
        new CertificateFingerprint(FingerprintAlgorithm.SHA_256, expected));
    assertThat(certificate.fingerprint(FingerprintAlgorithm.SHA_256).matches(certificate.der()))
        .isTrue();
    assertThat(RtcCertificate.generate().getFingerprints())
        .isNotEqualTo(certificate.getFingerprints());
  }

  @Test
  void expiresItsValidityFromNow() {
    Instant before = Instant.now();
    RtcCertificate certificate =
        RtcCertificate.generate(CertificateKeyType.ECDSA_P256, Duration.ofDays(2));

    assertThat(certificate.expires()).isBetween(
        before.plus(2, ChronoUnit.DAYS).minusSeconds(1), Instant.now().plus(2, ChronoUnit.DAYS));
    assertThat(certificate.isExpired(Instant.now())).isFalse();
    assertThat(certificate.isExpired(certificate.expires().plusSeconds(1))).isTrue();
    assertThat(certificate.x509().getNotBefore().toInstant())
        .as("backdated a day for clock skew").isBefore(before.minus(23, ChronoUnit.HOURS));
    assertThat(certificate.x509().getNotAfter().toInstant())
        .isEqualTo(certificate.expires().truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void rsaOnRequestFromTheSettings() {
    OrtcApi api = OrtcApi.create(OrtcSettings.builder()
        .certificateKeyType(CertificateKeyType.RSA_2048)
        .certificateValidity(Duration.ofDays(3)).build());

    RtcCertificate certificate = api.generateCertificate();

    assertThat(certificate.keyType()).isEqualTo(CertificateKeyType.RSA_2048);
    assertThat(certificate.x509().getPublicKey()).isInstanceOfSatisfying(RSAPublicKey.class,
        key -> assertThat(key.getModulus().bitLength()).isEqualTo(2048));
    assertThat(RtcCertificate.fromPem(certificate.toPem())).isEqualTo(certificate);
    assertThat(certificate.expires()).isAfter(Instant.now().plus(Duration.ofDays(2)))
        .isBefore(Instant.now().plus(Duration.ofDays(4)));
    assertThat(RtcCertificate.generate().x509().getPublicKey())
        .isInstanceOf(ECPublicKey.class);
  }

  @Test
  void badPemAndBadValidityAreRefused() {
    assertThatThrownBy(() -> RtcCertificate.fromPem("not a certificate"))
        .isInstanceOf(CertificateFormatException.class);
    String certificateOnly = RtcCertificate.generate().certificatePem();
    assertThatThrownBy(() -> RtcCertificate.fromPem(certificateOnly))
        .isInstanceOf(CertificateFormatException.class);
    assertThatThrownBy(
        () -> RtcCertificate.generate(CertificateKeyType.ECDSA_P256, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
