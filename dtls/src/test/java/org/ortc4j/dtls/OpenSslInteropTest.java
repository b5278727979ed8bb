package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.srtp.SrtpProfile;

/**
 * ortc4j against OpenSSL 3 {@code s_server} and {@code s_client} over UDP on 127.0.0.1, in both
 * roles, for every SRTP profile and both of our key types. OpenSSL is given our certificate as
 * its only trust anchor and told to abort on a verification error, so a completed handshake
 * means OpenSSL verified our certificate and our signatures.
 */
class OpenSslInteropTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

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

  static Stream<Arguments> profilesAndKeyTypes() {
    return Stream.of(SrtpProfile.values()).flatMap(profile -> Stream.of(
        Arguments.of(profile, CertificateKeyType.ECDSA_P256),
        Arguments.of(profile, CertificateKeyType.RSA_2048)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("profilesAndKeyTypes")
  void ortc4jClientAgainstOpenSslServer(SrtpProfile profile, CertificateKeyType keyType)
      throws Exception {
    DtlsCertificate ours = TestCertificates.get(keyType, 0);
    int port = freePort();
    OpenSslProcess server = start(serverArgs(ours, port, openSslName(profile)));
    server.awaitLine("^ACCEPT$", WAIT);
    RecordingListener events = new RecordingListener();
    DtlsSession session = session(DtlsRole.CLIENT, ours, port, events, profile);

    DtlsHandshakeResult result = session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertAgreement(result, server, profile, ours);
    exchangeData(session, events, server);
    session.close();
    server.awaitLine("^DONE$", WAIT);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("profilesAndKeyTypes")
  void ortc4jServerAgainstOpenSslClient(SrtpProfile profile, CertificateKeyType keyType)
      throws Exception {
    DtlsCertificate ours = TestCertificates.get(keyType, 0);
    int opensslPort = freePort();
    RecordingListener events = new RecordingListener();
    UdpPacketTransport transport = udp(opensslPort);
    DtlsSession session = track(DtlsSession.server(transport,
        config(ours).srtpProfiles(profile).build(), events));
    OpenSslProcess client = start(clientArgs(ours, opensslPort,
        transport.localAddress().getPort(), openSslName(profile)));

    DtlsHandshakeResult result = session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertAgreement(result, client, profile, ours);
    client.awaitLine("Verify return code: 0 \\(ok\\)", WAIT);
    exchangeData(session, events, client);
  }

  /** Both sides negotiated the same profile and keys, and each holds the other's certificate. */
  private static void assertAgreement(DtlsHandshakeResult result, OpenSslProcess openssl,
      SrtpProfile profile, DtlsCertificate ours) throws Exception {
    assertThat(openssl.awaitSrtpProfile(WAIT)).isEqualTo(openSslName(profile));
    assertThat(result.srtpProfile()).contains(profile);
    assertThat(openssl.awaitKeyingMaterial(WAIT))
        .isEqualTo(result.srtp().orElseThrow().toExported());
    assertThat(result.remoteCertificateDer()).isEqualTo(opensslCertificate.der());
    assertThat(result.matchedFingerprint())
        .isEqualTo(opensslCertificate.fingerprint(FingerprintAlgorithm.SHA_256));
    String printed = openssl.firstCertificatePem().orElseThrow();
    assertThat(certificateDer(printed)).isEqualTo(ours.der());
    assertThat(openssl.output()).doesNotContain("verify error");
  }

  private static void exchangeData(
      DtlsSession session, RecordingListener events, OpenSslProcess openssl) throws Exception {
    byte[] hello = "hello from ortc4j\n".getBytes(StandardCharsets.US_ASCII);
    session.send(hello, 0, hello.length);
    openssl.awaitLine("^hello from ortc4j$", WAIT);
    openssl.writeLine("hello from openssl");
    assertThat(new String(events.nextData(), StandardCharsets.US_ASCII))
        .isEqualTo("hello from openssl\n");
  }

  private List<String> serverArgs(DtlsCertificate ours, int port, String profiles)
      throws Exception {
    return new ArrayList<>(List.of("s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
        "-naccept", "1", "-no-CApath", "-no-CAstore", "-CAfile", trustAnchor(ours),
        "-cert", "openssl.cert.pem", "-key", "openssl.key.pem", "-Verify", "1",
        "-verify_return_error", "-use_srtp", profiles,
        "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "" + keyLength(profiles)));
  }

  private List<String> clientArgs(DtlsCertificate ours, int bindPort, int connectPort,
      String profiles) throws Exception {
    return new ArrayList<>(List.of("s_client", "-dtls1_2", "-bind", "127.0.0.1:" + bindPort,
        "-connect", "127.0.0.1:" + connectPort, "-no-CApath", "-no-CAstore", "-CAfile",
        trustAnchor(ours), "-verify", "1", "-verify_return_error",
        "-cert", "openssl.cert.pem", "-key", "openssl.key.pem", "-use_srtp", profiles,
        "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "" + keyLength(profiles)));
  }

  private static int keyLength(String profiles) {
    return SrtpProfile.valueOf(fromOpenSslName(profiles.split(":")[0]).name())
        .keyingMaterialLength();
  }

  /** Writes our certificate as OpenSSL's only trust anchor and returns the file name. */
  private static String trustAnchor(DtlsCertificate ours) throws Exception {
    String name = "ours-" + ours.keyType() + ".pem";
    Files.writeString(directory.resolve(name), ours.certificatePem());
    return name;
  }

  private OpenSslProcess start(List<String> args) throws Exception {
    return track(OpenSslProcess.start(directory, args));
  }

  private DtlsSession session(DtlsRole role, DtlsCertificate ours, int port,
      RecordingListener events, SrtpProfile profile) throws Exception {
    return track(DtlsSession.start(role, udp(port),
        config(ours).srtpProfiles(profile).build(), events));
  }

  private UdpPacketTransport udp(int remotePort) throws Exception {
    return track(UdpPacketTransport.open(new InetSocketAddress(LOOPBACK, 0),
        new InetSocketAddress(LOOPBACK, remotePort)));
  }

  static DtlsConfig.Builder config(DtlsCertificate ours) {
    return DtlsConfig.builder().certificate(ours)
        .remoteFingerprint(opensslCertificate.fingerprint(FingerprintAlgorithm.SHA_256))
        .handshakeTimeout(Duration.ofSeconds(15))
        .initialRetransmitInterval(Duration.ofMillis(250));
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(0, resource);
    return resource;
  }

  static int freePort() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      return socket.getLocalPort();
    }
  }

  static byte[] certificateDer(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return java.util.Base64.getDecoder().decode(base64);
  }

  static String openSslName(SrtpProfile profile) {
    return switch (profile) {
      case AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_SHA1_80";
      case AES128_CM_HMAC_SHA1_32 -> "SRTP_AES128_CM_SHA1_32";
      case AEAD_AES_128_GCM -> "SRTP_AEAD_AES_128_GCM";
      case AEAD_AES_256_GCM -> "SRTP_AEAD_AES_256_GCM";
    };
  }

  static SrtpProfile fromOpenSslName(String name) {
    for (SrtpProfile profile : SrtpProfile.values()) {
      if (openSslName(profile).equals(name)) {
        return profile;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
