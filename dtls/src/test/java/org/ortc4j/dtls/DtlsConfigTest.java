package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortc4j.srtp.SrtpProfile;

/** Defaults and validation of {@link DtlsConfig}. */
class DtlsConfigTest {
  private final DtlsCertificate certificate = TestCertificates.ecdsa(0);
  private final CertificateFingerprint remote =
      TestCertificates.ecdsa(1).fingerprint(FingerprintAlgorithm.SHA_256);

  @Test
  void defaultsMatchTheIssue() {
    DtlsConfig config = DtlsConfig.builder().certificate(certificate).remoteFingerprint(remote)
        .build();

    assertThat(config.srtpProfiles()).containsExactly(SrtpProfile.AEAD_AES_128_GCM,
        SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80,
        SrtpProfile.AES128_CM_HMAC_SHA1_32);
    assertThat(config.srtpEnabled()).isTrue();
    assertThat(config.initialRetransmitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.mtu()).isEqualTo(1200);
  }

  @Test
  void newBuilderCopiesAndChangesOnlyWhatIsSet() {
    DtlsConfig config = DtlsConfig.builder().certificate(certificate).remoteFingerprint(remote)
        .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80).mtu(1400).build();

    DtlsConfig changed = config.newBuilder().withoutSrtp().build();

    assertThat(changed.srtpEnabled()).isFalse();
    assertThat(changed.srtpProfiles()).isEmpty();
    assertThat(changed.mtu()).isEqualTo(1400);
    assertThat(changed.remoteFingerprints()).containsExactly(remote);
    assertThat(config.srtpProfiles()).containsExactly(SrtpProfile.AES128_CM_HMAC_SHA1_80);
  }

  @Test
  void verificationCannotBeSkipped() {
    assertThatThrownBy(() -> DtlsConfig.builder().certificate(certificate).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remoteFingerprints");
    assertThatThrownBy(() -> DtlsConfig.builder().remoteFingerprint(remote).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("certificate");
  }

  @Test
  void rejectsOutOfRangeValues() {
    DtlsConfig.Builder builder = DtlsConfig.builder().certificate(certificate)
        .remoteFingerprint(remote);

    assertThatThrownBy(() -> builder.srtpProfiles(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.srtpProfiles(SrtpProfile.AEAD_AES_128_GCM,
        SrtpProfile.AEAD_AES_128_GCM).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.srtpProfiles(SrtpProfile.AEAD_AES_128_GCM)
        .handshakeTimeout(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.handshakeTimeout(Duration.ofSeconds(1))
        .initialRetransmitInterval(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.initialRetransmitInterval(Duration.ofMillis(100)).mtu(100)
        .build()).isInstanceOf(IllegalArgumentException.class);
  }
}
