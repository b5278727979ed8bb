package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SDP parsing, normalisation and matching of fingerprints. */
class CertificateFingerprintTest {
  static final String SHA1_LOWER = "0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:0a:1b:2c:3d";

  @Test
  void parsesSdpFormAndNormalisesToUpperCase() {
    CertificateFingerprint parsed = CertificateFingerprint.parse("SHA-1 " + SHA1_LOWER);

    assertThat(parsed.algorithm()).isEqualTo(FingerprintAlgorithm.SHA_1);
    assertThat(parsed.value()).isEqualTo(SHA1_LOWER.toUpperCase());
    assertThat(parsed.toString()).isEqualTo("sha-1 " + SHA1_LOWER.toUpperCase());
    assertThat(parsed).isEqualTo(CertificateFingerprint.parse("sha-1 " + SHA1_LOWER.toUpperCase()));
  }

  @ParameterizedTest
  @CsvSource({"sha-1,SHA_1", "SHA-224,SHA_224", "Sha-256,SHA_256", "sha-384,SHA_384",
      "SHA-512,SHA_512"})
  void algorithmNamesAreCaseInsensitive(String name, FingerprintAlgorithm expected) {
    assertThat(FingerprintAlgorithm.fromSdpName(name)).isEqualTo(expected);
    assertThat(expected.sdpName()).isEqualTo(name.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "md5 0A:1B", "sha-1", "sha-1 0A:1B", "sha-1 " + SHA1_LOWER + ":00",
      "sha-1 0g:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:0a:1b:2c:3d",
      "sha-1 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d", "sha-1 a b"})
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> CertificateFingerprint.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesOnlyTheCertificateItWasMadeFrom() {
    DtlsCertificate a = TestCertificates.ecdsa(0);
    DtlsCertificate b = TestCertificates.ecdsa(1);
    for (FingerprintAlgorithm algorithm : FingerprintAlgorithm.values()) {
      CertificateFingerprint fingerprint = a.fingerprint(algorithm);
      CertificateFingerprint reparsed = CertificateFingerprint.parse(
          fingerprint.toString().toLowerCase());

      assertThat(reparsed.matches(a.der())).isTrue();
      assertThat(reparsed.matches(b.der())).isFalse();
      assertThat(reparsed).isEqualTo(fingerprint);
    }
  }
}
