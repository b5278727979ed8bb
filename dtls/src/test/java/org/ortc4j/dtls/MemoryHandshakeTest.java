package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpProfile;

/** ortc4j client against ortc4j server over an in-memory pipe: every profile, both key types. */
class MemoryHandshakeTest {

  static Stream<Arguments> profilesAndKeyTypes() {
    return Stream.of(SrtpProfile.values()).flatMap(profile -> Stream.of(
        Arguments.of(profile, CertificateKeyType.ECDSA_P256, CertificateKeyType.ECDSA_P256),
        Arguments.of(profile, CertificateKeyType.RSA_2048, CertificateKeyType.RSA_2048),
        Arguments.of(profile, CertificateKeyType.ECDSA_P256, CertificateKeyType.RSA_2048)));
  }

  @ParameterizedTest(name = "{0} client {1} server {2}")
  @MethodSource("profilesAndKeyTypes")
  void bothSidesAgreeOnProfileKeysAndCertificates(
      SrtpProfile profile, CertificateKeyType clientKey, CertificateKeyType serverKey)
      throws Exception {
    DtlsCertificate clientCert = TestCertificates.get(clientKey, 0);
    DtlsCertificate serverCert = TestCertificates.get(serverKey, 1);
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    try (SessionPair pair = new SessionPair(
        pipe.left, SessionPair.config(clientCert, serverCert).srtpProfiles(profile).build(),
        pipe.right, SessionPair.config(serverCert, clientCert).build())) {
      DtlsHandshakeResult client = pair.clientResult();
      DtlsHandshakeResult server = pair.serverResult();

      assertThat(client.role()).isEqualTo(DtlsRole.CLIENT);
      assertThat(server.role()).isEqualTo(DtlsRole.SERVER);
      assertThat(client.protocolVersion()).isEqualTo("DTLSv1.2");
      assertThat(client.cipherSuite()).isEqualTo(server.cipherSuite())
          .isEqualTo(serverKey == CertificateKeyType.ECDSA_P256
              ? "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
              : "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
      SrtpKeyingMaterial clientKeys = client.srtp().orElseThrow();
      assertThat(clientKeys.profile()).isEqualTo(profile);
      assertThat(clientKeys).isEqualTo(server.srtp().orElseThrow());
      assertThat(client.remoteCertificateDer()).isEqualTo(serverCert.der());
      assertThat(server.remoteCertificateDer()).isEqualTo(clientCert.der());
      assertThat(client.matchedFingerprint())
          .isEqualTo(serverCert.fingerprint(FingerprintAlgorithm.SHA_256));
      assertThat(pair.clientEvents.connected.get(1, TimeUnit.SECONDS)).isEqualTo(client);
    }
  }

  @ParameterizedTest(name = "{0} client {1} server {2}")
  @MethodSource("profilesAndKeyTypes")
  void applicationDataFlowsBothWaysAndCloseReachesThePeer(
      SrtpProfile profile, CertificateKeyType clientKey, CertificateKeyType serverKey)
      throws Exception {
    DtlsCertificate clientCert = TestCertificates.get(clientKey, 0);
    DtlsCertificate serverCert = TestCertificates.get(serverKey, 1);
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    try (SessionPair pair = new SessionPair(
        pipe.left, SessionPair.config(clientCert, serverCert).srtpProfiles(profile).build(),
        pipe.right, SessionPair.config(serverCert, clientCert).build())) {
      pair.clientResult();
      pair.serverResult();
      byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      byte[] pong = "pong".getBytes(StandardCharsets.US_ASCII);

      pair.client.send(ping, 0, ping.length);
      assertThat(pair.serverEvents.nextData()).isEqualTo(ping);
      pair.server.send(pong, 0, pong.length);
      assertThat(pair.clientEvents.nextData()).isEqualTo(pong);

      pair.client.close();
      pair.serverEvents.closedByPeer.get(SessionPair.WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(pair.serverEvents.failed).isNotDone();
      assertThat(pair.clientEvents.closedByPeer).isNotDone();
    }
  }
}
