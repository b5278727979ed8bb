package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortc4j.srtp.SrtpProfile;

/**
 * OpenSSL peers in the cases OpenSSL alone would get wrong or that need its options: a
 * fragmented ClientHello, and no SRTP profile in common (OpenSSL would complete without SRTP).
 */
class OpenSslFailureTest {
  static final Duration WAIT = OpenSslInteropTest.WAIT;
  /**
   * OpenSSL's smallest MTU is 256 and its plain ClientHello fits in that; a long SNI name makes
   * the ClientHello longer than a datagram, so that it must be fragmented.
   */
  static final String LONG_SERVER_NAME = String.join(".", "a".repeat(60), "b".repeat(60),
      "c".repeat(60), "example");

  @TempDir static Path directory;
  static DtlsCertificate opensslCertificate;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void makeOpenSslCertificate() throws Exception {
    opensslCertificate = OpenSslProcess.makeCertificate(directory);
  }

  @AfterEach
  void release() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void fragmentedClientHelloFromOpenSslIsReassembled() throws Exception {
    int opensslPort = OpenSslInteropTest.freePort();
    UdpPacketTransport transport = udp(opensslPort);
    TappedPacketTransport tap = new TappedPacketTransport(transport);
    DtlsSession session = track(DtlsSession.server(tap, config().build(),
        new RecordingListener()));
    OpenSslProcess client = track(OpenSslProcess.start(directory, clientArgs(opensslPort,
        transport.localAddress().getPort(), "SRTP_AEAD_AES_128_GCM", "-mtu", "256",
        "-servername", LONG_SERVER_NAME)));

    DtlsHandshakeResult result = session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(result.srtpProfile()).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(client.awaitKeyingMaterial(WAIT)).isEqualTo(result.srtp().orElseThrow()
        .toExported());
    assertThat(tap.received).anySatisfy(datagram -> assertThat(isClientHelloFragment(datagram))
        .as("a ClientHello fragment shorter than the message").isTrue());
  }

  @Test
  void ortc4jClientRefusesOpenSslServerWithoutCommonProfile() throws Exception {
    int port = OpenSslInteropTest.freePort();
    OpenSslProcess server = track(OpenSslProcess.start(directory, List.of("s_server",
        "-dtls1_2", "-accept", "127.0.0.1:" + port, "-naccept", "1", "-no-CAfile",
        "-no-CApath", "-no-CAstore", "-cert", "openssl.cert.pem", "-key", "openssl.key.pem",
        "-Verify", "1", "-use_srtp", "SRTP_AEAD_AES_256_GCM")));
    server.awaitLine("^ACCEPT$", WAIT);
    RecordingListener events = new RecordingListener();
    DtlsSession session = track(DtlsSession.client(udp(port),
        config().srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80).build(), events));

    DtlsException failure = handshakeFailure(session);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failure.alert()).contains(new DtlsAlert(40, false));
    assertThat(events.failed.get(1, TimeUnit.SECONDS)).isSameAs(failure);
    server.awaitLine("alert number 40|handshake failure", WAIT);
  }

  @Test
  void ortc4jServerRefusesOpenSslClientWithoutCommonProfile() throws Exception {
    int opensslPort = OpenSslInteropTest.freePort();
    UdpPacketTransport transport = udp(opensslPort);
    DtlsSession session = track(DtlsSession.server(transport,
        config().srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80).build(),
        new RecordingListener()));
    OpenSslProcess client = track(OpenSslProcess.start(directory, clientArgs(opensslPort,
        transport.localAddress().getPort(), "SRTP_AEAD_AES_128_GCM:SRTP_AEAD_AES_256_GCM")));

    DtlsException failure = handshakeFailure(session);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failure.alert()).contains(new DtlsAlert(40, false));
    client.awaitLine("alert number 40|handshake failure", WAIT);
    assertThat(client.output()).doesNotContain("SRTP Extension negotiated");
  }

  private static DtlsException handshakeFailure(DtlsSession session) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(() -> session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> caught[0] = e.getCause());
    assertThat(caught[0]).isInstanceOf(DtlsException.class);
    return (DtlsException) caught[0];
  }

  /**
   * Whether the datagram's first record carries a ClientHello fragment shorter than the whole
   * message (RFC 6347 §4.2.2: msg_type, length, message_seq, fragment_offset, fragment_length).
   */
  private static boolean isClientHelloFragment(byte[] datagram) {
    int h = 13;
    if (datagram.length < h + 12 || datagram[0] != 22 || datagram[h] != 1) {
      return false;
    }
    int length = uint24(datagram, h + 1);
    int fragmentLength = uint24(datagram, h + 9);
    return fragmentLength < length;
  }

  private static int uint24(byte[] b, int at) {
    return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
  }

  private List<String> clientArgs(int bindPort, int connectPort, String profiles,
      String... extra) {
    List<String> args = new ArrayList<>(List.of("s_client", "-dtls1_2", "-bind",
        "127.0.0.1:" + bindPort, "-connect", "127.0.0.1:" + connectPort, "-no-CAfile",
        "-no-CApath", "-no-CAstore", "-cert", "openssl.cert.pem", "-key", "openssl.key.pem",
        "-use_srtp", profiles, "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen",
        "" + OpenSslInteropTest.fromOpenSslName(profiles.split(":")[0])
            .keyingMaterialLength()));
    args.addAll(List.of(extra));
    return args;
  }

  private DtlsConfig.Builder config() {
    return DtlsConfig.builder().certificate(TestCertificates.ecdsa(0))
        .remoteFingerprint(opensslCertificate.fingerprint(FingerprintAlgorithm.SHA_256))
        .handshakeTimeout(Duration.ofSeconds(15))
        .initialRetransmitInterval(Duration.ofMillis(250));
  }

  private UdpPacketTransport udp(int remotePort) throws Exception {
    return track(UdpPacketTransport.open(
        new InetSocketAddress(OpenSslInteropTest.LOOPBACK, 0),
        new InetSocketAddress(OpenSslInteropTest.LOOPBACK, remotePort)));
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(0, resource);
    return resource;
  }
}
