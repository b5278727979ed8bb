package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.srtp.SrtpProfile;

/** The documented defaults, every validation message, and newBuilder() copying every knob. */
class OrtcSettingsTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    OrtcSettings s = OrtcSettings.defaults();

    assertThat(s.iceConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.iceConfig().consentInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.iceConfig().disconnectedTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.iceConfig().consentTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.iceConfig().hostAddresses()).isEmpty(); // every usable interface
    assertThat(s.iceConfig().minPort()).isZero();
    assertThat(s.iceConfig().maxPort()).isZero();
    assertThat(s.dtlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.dtlsRetransmitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.dtlsRoleConflictTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.dtlsMtu()).isEqualTo(1200);
    assertThat(s.dtlsRole()).isEqualTo(DtlsTransportRole.AUTO);
    assertThat(s.srtpProfiles()).containsExactly(SrtpProfile.AEAD_AES_128_GCM,
        SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80,
        SrtpProfile.AES128_CM_HMAC_SHA1_32);
    assertThat(s.srtpOptions().rtpReplayWindow()).isEqualTo(64);
    assertThat(s.srtpOptions().rtcpReplayWindow()).isEqualTo(64);
    assertThat(s.srtpOptions().maxStreams()).isEqualTo(1024);
    assertThat(s.certificateKeyType()).isEqualTo(CertificateKeyType.ECDSA_P256);
    assertThat(s.certificateValidity()).isEqualTo(Duration.ofDays(30));
    assertThat(s.readQueueCapacity()).isEqualTo(2048);
    assertThat(s.earlyPacketLimit()).isEqualTo(64);
    assertThat(OrtcSettings.builder().build().toString()).isNotBlank();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        invalid("dtlsHandshakeTimeout must be 1 ms to ~24 days, got PT0S",
            b -> b.dtlsHandshakeTimeout(Duration.ZERO)),
        invalid("dtlsHandshakeTimeout must be 1 ms to ~24 days, got PT-1S",
            b -> b.dtlsHandshakeTimeout(Duration.ofSeconds(-1))),
        invalid("dtlsHandshakeTimeout must be 1 ms to ~24 days",
            b -> b.dtlsHandshakeTimeout(Duration.ofSeconds(Long.MAX_VALUE))),
        invalid("dtlsRetransmitInterval must be 1 ms to ~24 days, got PT0.0005S",
            b -> b.dtlsRetransmitInterval(Duration.ofNanos(500_000))),
        invalid("dtlsRoleConflictTimeout must be 1 ms to ~24 days, got PT600H",
            b -> b.dtlsRoleConflictTimeout(Duration.ofDays(25))),
        invalid("dtlsMtu must be in [128, 1472], got 127", b -> b.dtlsMtu(127)),
        invalid("dtlsMtu must be in [128, 1472], got 1473", b -> b.dtlsMtu(1473)),
        invalid("srtpProfiles must be non-empty, without duplicates: []",
            b -> b.srtpProfiles(List.of())),
        invalid("srtpProfiles must be non-empty, without duplicates",
            b -> b.srtpProfiles(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_128_GCM)),
        invalid("certificateValidity must be positive, got PT0S",
            b -> b.certificateValidity(Duration.ZERO)),
        invalid("readQueueCapacity must be in [1, 65536], got 0", b -> b.readQueueCapacity(0)),
        invalid("readQueueCapacity must be in [1, 65536], got 65537",
            b -> b.readQueueCapacity(65537)),
        invalid("earlyPacketLimit must be in [0, 4096], got -1", b -> b.earlyPacketLimit(-1)),
        invalid("earlyPacketLimit must be in [0, 4096], got 4097",
            b -> b.earlyPacketLimit(4097)),
        invalid("rtpReplayWindow must be a power of two", b -> b.srtpReplayWindow(100)),
        invalid("rtcpReplayWindow must be a power of two", b -> b.srtcpReplayWindow(32)),
        invalid("maxStreams must be between 1 and 65536", b -> b.srtpMaxStreams(0)),
        invalid("port range must be 1 <= min <= max <= 65535 or (0, 0)",
            b -> b.portRange(5000, 4000)),
        invalid("disconnectedTimeout (PT30S) must be shorter than consentTimeout (PT10S)",
            b -> b.iceConsent(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidValuesAreRefusedWithTheirName(String message,
      UnaryOperator<OrtcSettings.Builder> change) {
    assertThatThrownBy(() -> change.apply(OrtcSettings.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void nullsAreRefusedWithTheirName() {
    OrtcSettings.Builder b = OrtcSettings.builder();
    assertThatThrownBy(() -> b.dtlsHandshakeTimeout(null)).hasMessage("timeout");
    assertThatThrownBy(() -> b.dtlsRetransmitInterval(null)).hasMessage("interval");
    assertThatThrownBy(() -> b.dtlsRole(null)).hasMessage("role");
    assertThatThrownBy(() -> b.certificateKeyType(null)).hasMessage("type");
    assertThatThrownBy(() -> b.certificateValidity(null)).hasMessage("validity");
    assertThatThrownBy(() -> OrtcApi.create(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void newBuilderCopiesEveryKnobAndLeavesTheOriginalAlone() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    OrtcSettings original = OrtcSettings.builder()
        .gatherAddresses(loopback).portRange(40000, 40100)
        .iceConnectTimeout(Duration.ofSeconds(7))
        .iceConsent(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4))
        .dtlsHandshakeTimeout(Duration.ofSeconds(11)).dtlsRetransmitInterval(Duration.ofMillis(300))
        .dtlsRoleConflictTimeout(Duration.ofSeconds(2)).dtlsMtu(1000)
        .dtlsRole(DtlsTransportRole.CLIENT)
        .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_32, SrtpProfile.AEAD_AES_256_GCM)
        .srtpReplayWindow(1024).srtcpReplayWindow(128).srtpMaxStreams(50)
        .certificateKeyType(CertificateKeyType.RSA_2048).certificateValidity(Duration.ofDays(2))
        .readQueueCapacity(17).earlyPacketLimit(5)
        .build();

    OrtcSettings copy = original.newBuilder().build();
    OrtcSettings changed = original.newBuilder().dtlsMtu(1100).loopbackOnly().build();

    assertSame(copy, original);
    assertThat(changed.dtlsMtu()).isEqualTo(1100);
    assertThat(original.dtlsMtu()).isEqualTo(1000);
    assertThat(changed.readQueueCapacity()).isEqualTo(17);
  }

  private static void assertSame(OrtcSettings a, OrtcSettings b) {
    assertThat(a.iceConnectTimeout()).isEqualTo(b.iceConnectTimeout());
    assertIceSame(a.iceConfig(), b.iceConfig());
    assertThat(a.dtlsHandshakeTimeout()).isEqualTo(b.dtlsHandshakeTimeout());
    assertThat(a.dtlsRetransmitInterval()).isEqualTo(b.dtlsRetransmitInterval());
    assertThat(a.dtlsRoleConflictTimeout()).isEqualTo(b.dtlsRoleConflictTimeout());
    assertThat(a.dtlsMtu()).isEqualTo(b.dtlsMtu());
    assertThat(a.dtlsRole()).isEqualTo(b.dtlsRole());
    assertThat(a.srtpProfiles()).isEqualTo(b.srtpProfiles());
    assertThat(a.srtpOptions()).isEqualTo(b.srtpOptions());
    assertThat(a.certificateKeyType()).isEqualTo(b.certificateKeyType());
    assertThat(a.certificateValidity()).isEqualTo(b.certificateValidity());
    assertThat(a.readQueueCapacity()).isEqualTo(b.readQueueCapacity());
    assertThat(a.earlyPacketLimit()).isEqualTo(b.earlyPacketLimit());
  }

  private static void assertIceSame(IceAgentConfig a, IceAgentConfig b) {
    assertThat(a.hostAddresses()).isEqualTo(b.hostAddresses());
    assertThat(a.minPort()).isEqualTo(b.minPort());
    assertThat(a.maxPort()).isEqualTo(b.maxPort());
    assertThat(a.consentInterval()).isEqualTo(b.consentInterval());
    assertThat(a.disconnectedTimeout()).isEqualTo(b.disconnectedTimeout());
    assertThat(a.consentTimeout()).isEqualTo(b.consentTimeout());
    assertThat(a.connectTimeout()).isEqualTo(b.connectTimeout());
  }

  private static Arguments invalid(String message, UnaryOperator<OrtcSettings.Builder> change) {
    return Arguments.of(message, change);
  }
}
