package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.dtls.DtlsAlert;
import org.ortc4j.dtls.DowngradePeers;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.ice.IceRole;
import org.ortc4j.srtp.SrtpProfile;

/**
 * Downgrade attempts against a {@link DtlsTransport}: a peer that connects ICE properly (a plain
 * {@code ice} agent) and then speaks DTLS as a plain BouncyCastle peer offering — or, as server,
 * answering with — only NULL or unknown SRTP profiles, or only static-RSA cipher suites (no
 * forward secrecy). The transport fails with the typed reason in {@link
 * DtlsTransport#failureCause()}, sends the right alert, never connects and never keys SRTP.
 */
class DowngradeApiTest {
  private static final int[] ECDHE_ECDSA =
      {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
  private static final int[] STATIC_RSA = {CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA};
  private static final int[] GOOD_SRTP = {SrtpProfile.AEAD_AES_128_GCM.id()};
  private static final int NULL_80 = 0x0005;
  private static final int NULL_32 = 0x0006;
  private static final DtlsAlert HANDSHAKE_FAILURE_SENT = new DtlsAlert(40, false);
  private static final DtlsAlert HANDSHAKE_FAILURE_RECEIVED = new DtlsAlert(40, true);
  private static final DtlsAlert ILLEGAL_PARAMETER_SENT = new DtlsAlert(47, false);

  private final TestPeer victim = new TestPeer("victim");
  private final DowngradeIcePeer hostile = new DowngradeIcePeer(victim);

  @AfterEach
  void close() {
    hostile.close();
    victim.close();
  }

  static Stream<Arguments> hostileClients() {
    return Stream.of(
        Arguments.of("only NULL SRTP profiles", ECDHE_ECDSA, new int[] {NULL_80, NULL_32},
            DtlsTransportFailure.NO_COMMON_SRTP_PROFILE),
        Arguments.of("only unknown SRTP profiles", ECDHE_ECDSA, new int[] {0x0042, 0x7777},
            DtlsTransportFailure.NO_COMMON_SRTP_PROFILE),
        Arguments.of("only static-RSA suites", STATIC_RSA, GOOD_SRTP,
            DtlsTransportFailure.NO_COMMON_CIPHER_SUITE));
  }

  @ParameterizedTest(name = "client offering {0}")
  @MethodSource("hostileClients")
  void transportAsServerRefusesAClientOffering(String name, int[] suites, int[] srtpIds,
      DtlsTransportFailure expected) throws Exception {
    // ICE controlled = DTLS client on the hostile side, the victim controls and serves
    Outcomes.success(hostile.connect(victim, IceRole.CONTROLLED));
    CompletableFuture<Void> start = victim.dtls.startAsync(anyFingerprint());
    DowngradePeers.HostileClient client =
        DowngradePeers.client(hostile.transport(), suites, srtpIds);

    DtlsTransportException failure =
        Outcomes.failure(start, TestPeer.WAIT, DtlsTransportException.class);

    assertRefused(failure, expected, HANDSHAKE_FAILURE_SENT, DtlsRole.SERVER);
    assertThatThrownBy(() -> Outcomes.success(client.done))
        .hasRootCauseInstanceOf(TlsFatalAlertReceived.class);
  }

  static Stream<Arguments> hostileServers() {
    return Stream.of(
        Arguments.of("supporting only NULL SRTP (no use_srtp answer)", ECDHE_ECDSA, null,
            DtlsTransportFailure.NO_COMMON_SRTP_PROFILE, HANDSHAKE_FAILURE_SENT),
        Arguments.of("answering SRTP_NULL_HMAC_SHA1_80 regardless", ECDHE_ECDSA,
            new int[] {NULL_80}, DtlsTransportFailure.PROTOCOL_ERROR, ILLEGAL_PARAMETER_SENT),
        Arguments.of("answering an unknown profile", ECDHE_ECDSA, new int[] {0x0042},
            DtlsTransportFailure.PROTOCOL_ERROR, ILLEGAL_PARAMETER_SENT),
        Arguments.of("supporting only static-RSA suites", STATIC_RSA, GOOD_SRTP,
            DtlsTransportFailure.ALERT_RECEIVED, HANDSHAKE_FAILURE_RECEIVED));
  }

  @ParameterizedTest(name = "server {0}")
  @MethodSource("hostileServers")
  void transportAsClientRefusesAServer(String name, int[] suites, int[] srtpAnswer,
      DtlsTransportFailure expected, DtlsAlert alert) throws Exception {
    // the hostile side controls, so it is the DTLS server and the victim the client
    DowngradePeers.server(hostile.transport(), suites, srtpAnswer);
    Outcomes.success(hostile.connect(victim, IceRole.CONTROLLING));
    CompletableFuture<Void> start = victim.dtls.startAsync(anyFingerprint());

    DtlsTransportException failure =
        Outcomes.failure(start, TestPeer.WAIT, DtlsTransportException.class);

    assertRefused(failure, expected, alert, DtlsRole.CLIENT);
  }

  private void assertRefused(DtlsTransportException failure, DtlsTransportFailure expected,
      DtlsAlert alert, DtlsRole role) throws Exception {
    assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(expected);
    assertThat(failure.alert()).contains(alert);
    assertThat(victim.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
    assertThat(victim.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.FAILED);
    assertThat(victim.dtls.failureCause().orElseThrow().reason()).isEqualTo(expected);
    assertThat(victim.dtls.role()).contains(role);
    assertThat(victim.dtls.srtpProfile()).isEmpty();
    assertThat(victim.dtls.cipherSuite()).isEmpty();
    assertThatThrownBy(() -> victim.dtls.writeRtp(MediaRobustnessTest.packet(1, 0)))
        .isInstanceOf(InvalidStateException.class);
    assertThat(victim.dtls.counters().rtpSent() + victim.dtls.counters().rtcpSent()).isZero();
  }

  /** The handshake never gets as far as a certificate: any fingerprint will do. */
  private static DtlsParameters anyFingerprint() {
    return DtlsParameters.auto(RtcCertificate.generate().getFingerprints());
  }
}
