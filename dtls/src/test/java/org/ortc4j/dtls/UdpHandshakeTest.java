package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.srtp.SrtpProfile;

/** ortc4j client and server over real UDP sockets on 127.0.0.1. */
class UdpHandshakeTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private SessionPair pair;

  @AfterEach
  void release() {
    if (pair != null) {
      pair.close();
    }
  }

  /** Two UDP transports on 127.0.0.1 connected to each other. */
  static UdpPacketTransport[] connectedPair() throws Exception {
    InetSocketAddress first = new InetSocketAddress(LOOPBACK, OpenSslInteropTest.freePort());
    UdpPacketTransport second = UdpPacketTransport.open(new InetSocketAddress(LOOPBACK, 0), first);
    try {
      return new UdpPacketTransport[] {UdpPacketTransport.open(first, second.localAddress()),
          second};
    } catch (Exception e) {
      second.close();
      throw e;
    }
  }

  static Stream<Arguments> profilesAndKeyTypes() {
    return Stream.of(SrtpProfile.values()).flatMap(profile -> Stream.of(
        Arguments.of(profile, CertificateKeyType.ECDSA_P256),
        Arguments.of(profile, CertificateKeyType.RSA_2048)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("profilesAndKeyTypes")
  void handshakeKeysDataAndCloseOverUdp(SrtpProfile profile, CertificateKeyType keyType)
      throws Exception {
    DtlsCertificate clientCert = TestCertificates.get(keyType, 0);
    DtlsCertificate serverCert = TestCertificates.get(keyType, 1);
    UdpPacketTransport[] sockets = connectedPair();
    UdpPacketTransport clientSide = sockets[0];
    UdpPacketTransport server = sockets[1];
    pair = new SessionPair(
        clientSide, SessionPair.config(clientCert, serverCert).build(),
        server, SessionPair.config(serverCert, clientCert).srtpProfiles(profile).build());

    DtlsHandshakeResult client = pair.clientResult();
    DtlsHandshakeResult serverResult = pair.serverResult();

    assertThat(client.srtpProfile()).contains(profile);
    assertThat(client.srtp()).isEqualTo(serverResult.srtp());
    assertThat(serverResult.remoteCertificate()).isEqualTo(clientCert.x509());
    byte[] big = new byte[pair.client.maxApplicationDataSize()];
    big[big.length - 1] = 7;
    pair.client.send(big, 0, big.length);
    assertThat(pair.serverEvents.nextData()).isEqualTo(big);
    pair.server.send(new byte[] {9}, 0, 1);
    assertThat(pair.clientEvents.nextData()).containsExactly(9);
    pair.server.close();
    pair.clientEvents.closedByPeer.get(SessionPair.WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
