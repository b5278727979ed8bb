package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ortc4j.dtls.DowngradePeers.ECDHE_ECDSA;
import static org.ortc4j.dtls.DowngradePeers.SRTP_NULL_HMAC_SHA1_32;
import static org.ortc4j.dtls.DowngradePeers.SRTP_NULL_HMAC_SHA1_80;
import static org.ortc4j.dtls.DowngradePeers.STATIC_RSA;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.srtp.SrtpProfile;

/**
 * Downgrade attempts at the DTLS level, in both roles: a peer offering (or answering with) only
 * NULL or unknown SRTP profiles, or only cipher suites without forward secrecy, is refused with a
 * typed reason and the right alert — never a session, never keys. The hostile peers are real:
 * OpenSSL 3 {@code s_client}/{@code s_server} with {@code -cipher} (OpenSSL 3.0 knows no NULL SRTP
 * profile, so those come from {@link DowngradePeers}, plain BouncyCastle peers). And what we
 * offer ourselves, read off our own ClientHello and off the server's choice.
 */
class DowngradeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final DtlsAlert HANDSHAKE_FAILURE_SENT = new DtlsAlert(40, false);
  private static final DtlsAlert HANDSHAKE_FAILURE_RECEIVED = new DtlsAlert(40, true);
  private static final DtlsAlert ILLEGAL_PARAMETER_SENT = new DtlsAlert(47, false);
  /** The suites ortc4j may offer: ECDHE (forward secret), IANA numbers written out here. */
  private static final Set<Integer> FORWARD_SECRET = Set.of(0xC02B, 0xC02F, 0xC02C, 0xC030,
      0xCCA9, 0xCCA8, 0xC009, 0xC013);
  private static final Set<Integer> AEAD = Set.of(0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8);
  private static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

  @TempDir static Path directory;
  static DtlsCertificate opensslCertificate;

  private final MemoryPacketPipe pipe = new MemoryPacketPipe();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void makeOpenSslCertificates() throws Exception {
    OpenSslProcess.run(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ec.key.pem", "-out",
        "ec.cert.pem", "-days", "30", "-sha256", "-subj", "/CN=openssl-ec");
    // static-RSA suites need an RSA certificate on the server
    OpenSslProcess.run(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
        "rsa.key.pem", "-out", "rsa.cert.pem", "-days", "30", "-sha256", "-subj",
        "/CN=openssl-rsa");
    opensslCertificate = DtlsCertificate.fromPem(Files.readString(directory.resolve("ec.cert.pem"))
        + Files.readString(directory.resolve("ec.key.pem")));
  }

  @AfterEach
  void release() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    pipe.left.close();
    pipe.right.close();
  }

  // -- hostile client, ortc4j server ------------------------------------------------------

  static Stream<Arguments> hostileClientOffers() {
    int[] goodSrtp = {SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES128_CM_HMAC_SHA1_80.id()};
    return Stream.of(
        Arguments.of("only NULL SRTP profiles", ECDHE_ECDSA,
            new int[] {SRTP_NULL_HMAC_SHA1_80, SRTP_NULL_HMAC_SHA1_32},
            DtlsFailure.NO_COMMON_SRTP_PROFILE, "0x0005"),
        Arguments.of("only unknown SRTP profiles", ECDHE_ECDSA, new int[] {0x0042, 0xFFFE},
            DtlsFailure.NO_COMMON_SRTP_PROFILE, "0x0042"),
        Arguments.of("only static-RSA suites", STATIC_RSA, goodSrtp,
            DtlsFailure.NO_COMMON_CIPHER_SUITE, "0x009C"),
        Arguments.of("only TLS_RSA_WITH_AES_128_CBC_SHA",
            new int[] {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA}, goodSrtp,
            DtlsFailure.NO_COMMON_CIPHER_SUITE, "0x002F"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileClientOffers")
  void ortc4jServerRefusesAClientOffering(String name, int[] suites, int[] srtpIds,
      DtlsFailure expected, String named) throws Exception {
    DtlsSession server = track(DtlsSession.server(pipe.right, config().build(),
        new RecordingListener()));
    DowngradePeers.HostileClient client = DowngradePeers.client(pipe.left, suites, srtpIds);

    DtlsException failure = failure(server);

    assertThat(failure.reason()).isEqualTo(expected);
    assertThat(failure.alert()).contains(HANDSHAKE_FAILURE_SENT);
    assertThat(failure.getMessage()).as("says what was offered").contains(named);
    assertThatThrownBy(() -> client.done.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(TlsFatalAlertReceived.class);
    assertThat(client.srtpAnswer()).as("no ServerHello was sent").isNull();
  }

  @ParameterizedTest(name = "OpenSSL s_client -cipher {0}")
  @ValueSource(strings = {"AES128-GCM-SHA256", "AES128-SHA", "AES256-GCM-SHA384:AES128-SHA256"})
  void ortc4jServerRefusesOpenSslClientWithoutForwardSecrecy(String ciphers) throws Exception {
    int opensslPort = OpenSslInteropTest.freePort();
    UdpPacketTransport transport = udp(opensslPort);
    DtlsSession server = track(DtlsSession.server(transport, config().build(),
        new RecordingListener()));
    OpenSslProcess client = track(OpenSslProcess.start(directory, clientArgs(opensslPort,
        transport.localAddress().getPort(), ciphers, "SRTP_AEAD_AES_128_GCM")));

    DtlsException failure = failure(server);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.NO_COMMON_CIPHER_SUITE);
    assertThat(failure.alert()).contains(HANDSHAKE_FAILURE_SENT);
    assertThat(failure.getMessage()).contains("no cipher suite in common");
    client.awaitLine("alert number 40|handshake failure", WAIT);
    assertThat(client.output()).doesNotContain("SRTP Extension negotiated");
  }

  @Test
  void ortc4jServerPicksForwardSecretAeadAndRealSrtpWhateverTheClientListsFirst()
      throws Exception {
    int opensslPort = OpenSslInteropTest.freePort();
    UdpPacketTransport transport = udp(opensslPort);
    DtlsSession server = track(DtlsSession.server(transport, config().build(),
        new RecordingListener()));
    OpenSslProcess client = track(OpenSslProcess.start(directory, clientArgs(opensslPort,
        transport.localAddress().getPort(), "AES128-GCM-SHA256:AES128-SHA:ECDHE-ECDSA-AES128-SHA:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256",
        "SRTP_AES128_CM_SHA1_32:SRTP_AES128_CM_SHA1_80:SRTP_AEAD_AES_128_GCM")));

    DtlsHandshakeResult result = server.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(result.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    assertThat(result.srtpProfile()).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(client.awaitSrtpProfile(WAIT)).isEqualTo("SRTP_AEAD_AES_128_GCM");
  }

  @Test
  void ortc4jServerSkipsNullUnknownAndStaticRsaOfferedFirst() throws Exception {
    DtlsSession server = track(DtlsSession.server(pipe.right, config().build(),
        new RecordingListener()));
    DowngradePeers.HostileClient client = DowngradePeers.client(pipe.left, new int[] {
        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}, new int[] {
        SRTP_NULL_HMAC_SHA1_80, SRTP_NULL_HMAC_SHA1_32, 0x0042,
        SrtpProfile.AES128_CM_HMAC_SHA1_80.id(), SrtpProfile.AEAD_AES_128_GCM.id()});

    // this client has no certificate: the handshake ends there, after the ServerHello
    assertThat(failure(server).reason()).isEqualTo(DtlsFailure.CERTIFICATE_MISSING);

    assertThat(client.selectedSuite())
        .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    assertThat(client.srtpAnswer()).containsExactly(SrtpProfile.AEAD_AES_128_GCM.id());
  }

  // -- what our client offers ---------------------------------------------------------------

  static Stream<Arguments> configuredProfiles() {
    return Stream.of(
        Arguments.of(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM,
            SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AES128_CM_HMAC_SHA1_32)),
        Arguments.of(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80)),
        Arguments.of(List.of(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AEAD_AES_128_GCM)));
  }

  @ParameterizedTest
  @MethodSource("configuredProfiles")
  void ourClientHelloOffersOnlyForwardSecretSuitesAndTheConfiguredProfiles(
      List<SrtpProfile> profiles) throws Exception {
    track(DtlsSession.client(pipe.left,
        config().srtpProfiles(profiles.toArray(SrtpProfile[]::new)).build(),
        new RecordingListener()));
    byte[] buf = new byte[2048];
    int n = pipe.right.receive(buf, 0, buf.length, (int) WAIT.toMillis());
    assertThat(n).as("a ClientHello came").isPositive();

    ClientHello hello = ClientHello.parse(java.util.Arrays.copyOf(buf, n));

    List<Integer> suites = hello.cipherSuites().stream()
        .filter(s -> s != EMPTY_RENEGOTIATION_INFO_SCSV).toList();
    assertThat(suites).isNotEmpty().allMatch(FORWARD_SECRET::contains,
        "an ECDHE suite (forward secret)");
    assertThat(suites.get(0)).as("AEAD first").isIn(AEAD);
    assertThat(suites.subList(0, (int) suites.stream().filter(AEAD::contains).count()))
        .as("every AEAD suite before any CBC one").allMatch(AEAD::contains);
    assertThat(hello.srtpProfiles())
        .containsExactlyElementsOf(profiles.stream().map(SrtpProfile::id).toList())
        .doesNotContain(SRTP_NULL_HMAC_SHA1_80, SRTP_NULL_HMAC_SHA1_32);
    assertThat(hello.srtpMkiLength()).isZero();
    assertThat(hello.extensions()).as("extended_master_secret").contains(0x0017);
  }

  /**
   * The fields of a DTLS 1.2 ClientHello that say what a client offers, read from the wire.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc6347#section-4.2.1">RFC 6347 §4.2.1</a>
   * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.1.1">RFC 5764 §4.1.1</a>
   */
  record ClientHello(List<Integer> cipherSuites, List<Integer> extensions,
      List<Integer> srtpProfiles, int srtpMkiLength) {
    private static final int RECORD_HEADER = 13;
    private static final int HANDSHAKE_HEADER = 12;
    private static final int USE_SRTP = 14;

    static ClientHello parse(byte[] d) {
      assertThat(d[0]).as("a handshake record").isEqualTo((byte) 22);
      assertThat(d[RECORD_HEADER]).as("a ClientHello").isEqualTo((byte) 1);
      assertThat(u24(d, RECORD_HEADER + 9)).as("unfragmented")
          .isEqualTo(u24(d, RECORD_HEADER + 1));
      int p = RECORD_HEADER + HANDSHAKE_HEADER + 2 + 32; // client_version, random
      p += 1 + (d[p] & 0xFF); // session_id
      p += 1 + (d[p] & 0xFF); // cookie
      int suitesEnd = p + 2 + u16(d, p);
      List<Integer> suites = IntStream.iterate(p + 2, i -> i < suitesEnd, i -> i + 2)
          .mapToObj(i -> u16(d, i)).toList();
      p = suitesEnd;
      p += 1 + (d[p] & 0xFF); // compression_methods
      int extensionsEnd = p + 2 + u16(d, p);
      List<Integer> extensions = new ArrayList<>();
      List<Integer> profiles = new ArrayList<>();
      int mki = -1;
      for (p += 2; p < extensionsEnd; p += 4 + u16(d, p + 2)) {
        extensions.add(u16(d, p));
        if (u16(d, p) == USE_SRTP) {
          int listEnd = p + 6 + u16(d, p + 4);
          for (int i = p + 6; i < listEnd; i += 2) {
            profiles.add(u16(d, i));
          }
          mki = d[listEnd] & 0xFF;
        }
      }
      return new ClientHello(suites, extensions, profiles, mki);
    }

    private static int u16(byte[] d, int at) {
      return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    private static int u24(byte[] d, int at) {
      return (d[at] & 0xFF) << 16 | u16(d, at + 1);
    }
  }

  // -- hostile server, ortc4j client ------------------------------------------------------

  static Stream<Arguments> hostileServerAnswers() {
    return Stream.of(
        Arguments.of("supports only NULL SRTP, so answers without use_srtp", ECDHE_ECDSA, null,
            DtlsFailure.NO_COMMON_SRTP_PROFILE, HANDSHAKE_FAILURE_SENT),
        Arguments.of("answers SRTP_NULL_HMAC_SHA1_80 regardless", ECDHE_ECDSA,
            new int[] {SRTP_NULL_HMAC_SHA1_80}, DtlsFailure.PROTOCOL_ERROR,
            ILLEGAL_PARAMETER_SENT),
        Arguments.of("answers SRTP_NULL_HMAC_SHA1_32 regardless", ECDHE_ECDSA,
            new int[] {SRTP_NULL_HMAC_SHA1_32}, DtlsFailure.PROTOCOL_ERROR,
            ILLEGAL_PARAMETER_SENT),
        Arguments.of("answers an unknown profile", ECDHE_ECDSA, new int[] {0x0042},
            DtlsFailure.PROTOCOL_ERROR, ILLEGAL_PARAMETER_SENT),
        Arguments.of("supports only static-RSA suites", STATIC_RSA,
            new int[] {SrtpProfile.AEAD_AES_128_GCM.id()}, DtlsFailure.ALERT_RECEIVED,
            HANDSHAKE_FAILURE_RECEIVED));
  }

  @ParameterizedTest(name = "server {0}")
  @MethodSource("hostileServerAnswers")
  void ortc4jClientRefusesAServerThat(String name, int[] suites, int[] srtpAnswer,
      DtlsFailure expected, DtlsAlert alert) throws Exception {
    RecordingListener events = new RecordingListener();
    DtlsSession client = track(DtlsSession.client(pipe.left, config().build(), events));
    DowngradePeers.server(pipe.right, suites, srtpAnswer);

    DtlsException failure = failure(client);

    assertThat(failure.reason()).isEqualTo(expected);
    assertThat(failure.alert()).contains(alert);
    assertThat(events.connected).isNotDone();
    assertThatThrownBy(() -> client.send(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "OpenSSL s_server -cipher {0}")
  @ValueSource(strings = {"AES128-GCM-SHA256", "AES128-SHA"})
  void ortc4jClientRefusesOpenSslServerWithoutForwardSecrecy(String ciphers) throws Exception {
    int port = OpenSslInteropTest.freePort();
    OpenSslProcess server = track(OpenSslProcess.start(directory, List.of("s_server",
        "-dtls1_2", "-accept", "127.0.0.1:" + port, "-naccept", "1", "-no-CAfile",
        "-no-CApath", "-no-CAstore", "-cert", "rsa.cert.pem", "-key", "rsa.key.pem",
        "-Verify", "1", "-cipher", ciphers, "-use_srtp", "SRTP_AEAD_AES_128_GCM")));
    server.awaitLine("^ACCEPT$", WAIT);
    RecordingListener events = new RecordingListener();
    DtlsSession client = track(DtlsSession.client(udp(port), config().build(), events));

    DtlsException failure = failure(client);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.ALERT_RECEIVED);
    assertThat(failure.alert()).contains(HANDSHAKE_FAILURE_RECEIVED);
    assertThat(events.connected).isNotDone();
    server.awaitLine("no shared cipher|no_shared_cipher", WAIT);
  }

  private List<String> clientArgs(int bindPort, int connectPort, String ciphers,
      String profiles) {
    return List.of("s_client", "-dtls1_2", "-bind", "127.0.0.1:" + bindPort, "-connect",
        "127.0.0.1:" + connectPort, "-no-CAfile", "-no-CApath", "-no-CAstore", "-cert",
        "ec.cert.pem", "-key", "ec.key.pem", "-cipher", ciphers, "-use_srtp", profiles);
  }

  private static DtlsException failure(DtlsSession session) {
    Throwable[] cause = new Throwable[1];
    assertThatThrownBy(() -> session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> cause[0] = e.getCause());
    assertThat(cause[0]).isInstanceOf(DtlsException.class);
    return (DtlsException) cause[0];
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
