package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ortc4j.dtls.internal.DtlsRecordCheck;

/**
 * Records that carry the current epoch but are not the peer's — forged by someone on the path,
 * or mangled — are discarded silently (RFC 6347 §4.1.2.7) whatever their shape, with every record
 * cipher we negotiate: the session neither ends nor sends an alert, and the peer's next records
 * still arrive both ways. Without ortc4j's record ciphers ({@code DiscardingCipher}),
 * BouncyCastle reports a record shorter than an AEAD nonce + tag as a fatal decode_error and ends
 * the connection, so one 13-byte datagram on the path ends a call. Without the record check's
 * version test ({@code DtlsRecordCheck}), a record with the reserved version {254, 254} makes
 * BouncyCastle throw an unchecked exception, which ends a session or fails a handshake (found by
 * {@code DtlsFuzzTest}).
 */
class ForgedRecordTest {
  private static final int APPLICATION_DATA = 23;
  private static final int HANDSHAKE = 22;
  private static final int HEADER_LENGTH = DtlsRecordCheck.HEADER_LENGTH;
  private static final int DTLS_1_2 = 0xFEFD;
  private static final Duration WAIT = OpenSslInteropTest.WAIT;

  @TempDir static Path directory;
  private static DtlsCertificate opensslCertificate;

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

  /**
   * Epoch-1 records of every shape a cipher checks before it authenticates: empty, shorter than
   * any nonce + tag, one byte short of AES-GCM's 24, not whole AES blocks, whole blocks of
   * garbage, full-size garbage, a record of a later epoch, and a short record packed in front of
   * a long one.
   */
  static List<byte[]> forgeries() {
    Random random = new Random(7);
    List<byte[]> forged = new ArrayList<>();
    long seq = 1_000;
    for (int length : new int[] {0, 1, 15, 16, 23, 24, 31, 33, 47, 48, 64, 100, 1000}) {
      forged.add(record(APPLICATION_DATA, 1, seq++, garbage(random, length)));
    }
    forged.add(record(HANDSHAKE, 1, seq++, garbage(random, 5)));
    forged.add(record(APPLICATION_DATA, 2, 0, garbage(random, 40)));
    byte[] shortOne = record(APPLICATION_DATA, 1, seq++, garbage(random, 3));
    byte[] longOne = record(APPLICATION_DATA, 1, seq, garbage(random, 80));
    byte[] both = new byte[shortOne.length + longOne.length];
    System.arraycopy(shortOne, 0, both, 0, shortOne.length);
    System.arraycopy(longOne, 0, both, shortOne.length, longOne.length);
    forged.add(both);
    forged.addAll(otherVersions(random));
    return forged;
  }

  /** Records of every content type and both epochs with versions that are not DTLS 1.0 or 1.2. */
  static List<byte[]> otherVersions(Random random) {
    List<byte[]> forged = new ArrayList<>();
    for (int version : new int[] {0xFEFE, 0xFEFC, 0xFE00, 0x0303, 0xFFFD}) {
      for (int type : new int[] {20, 21, 22, 23, 24}) {
        for (int epoch = 0; epoch <= 1; epoch++) {
          forged.add(record(type, version, epoch, 2_000 + forged.size(), garbage(random, 2)));
        }
      }
    }
    return forged;
  }

  @Test
  void forgedRecordsAreDroppedByBothSidesOfAnAesGcmSession() throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    DtlsCertificate clientCert = TestCertificates.ecdsa(0);
    DtlsCertificate serverCert = TestCertificates.ecdsa(1);
    SessionPair pair = track(new SessionPair(
        pipe.left, SessionPair.config(clientCert, serverCert).build(),
        pipe.right, SessionPair.config(serverCert, clientCert).build()));
    assertThat(pair.clientResult().cipherSuite())
        .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    pair.serverResult();

    for (byte[] forged : forgeries()) {
      pipe.right.inject(forged);
      pipe.left.inject(forged);
    }

    assertExchange(pair.client, pair.serverEvents, "client to server");
    assertExchange(pair.server, pair.clientEvents, "server to client");
    assertThat(pair.serverEvents.failed).isNotDone();
    assertThat(pair.clientEvents.failed).isNotDone();
  }

  /**
   * Before and during the handshake too: records of other versions waiting in both inboxes
   * ahead of the first flight neither fail the handshake nor stop it.
   */
  @Test
  void recordsOfOtherVersionsDoNotFailTheHandshake() throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    List<byte[]> others = otherVersions(new Random(11));
    for (byte[] forged : others) {
      pipe.right.inject(forged);
      pipe.left.inject(forged);
    }
    DtlsCertificate clientCert = TestCertificates.ecdsa(0);
    DtlsCertificate serverCert = TestCertificates.ecdsa(1);
    SessionPair pair = track(new SessionPair(
        pipe.left, SessionPair.config(clientCert, serverCert).build(),
        pipe.right, SessionPair.config(serverCert, clientCert).build()));

    assertThat(pair.clientResult().remoteCertificateDer()).isEqualTo(serverCert.der());
    assertThat(pair.serverResult().remoteCertificateDer()).isEqualTo(clientCert.der());
    assertExchange(pair.client, pair.serverEvents, "client to server");
    // they sat ahead of the first flight, so each was read, dropped and counted before it
    assertThat(pair.server.droppedDatagrams()).isEqualTo(others.size());
    assertThat(pair.client.droppedDatagrams()).isEqualTo(others.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ECDHE-ECDSA-AES128-GCM-SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "ECDHE-ECDSA-AES256-GCM-SHA384, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "ECDHE-ECDSA-CHACHA20-POLY1305, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "ECDHE-ECDSA-AES128-SHA, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"})
  void forgedRecordsAreDroppedWhateverTheCipher(String opensslCipher, String suite)
      throws Exception {
    DtlsCertificate ours = TestCertificates.ecdsa(0);
    int opensslPort = OpenSslInteropTest.freePort();
    UdpPacketTransport udp = UdpPacketTransport.open(
        new InetSocketAddress(OpenSslInteropTest.LOOPBACK, 0),
        new InetSocketAddress(OpenSslInteropTest.LOOPBACK, opensslPort));
    InjectablePacketTransport transport = new InjectablePacketTransport(udp);
    RecordingListener events = new RecordingListener();
    DtlsSession session = track(DtlsSession.server(transport, DtlsConfig.builder()
        .certificate(ours)
        .remoteFingerprint(opensslCertificate.fingerprint(FingerprintAlgorithm.SHA_256))
        .handshakeTimeout(Duration.ofSeconds(15)).build(), events));
    Files.writeString(directory.resolve("ours.pem"), ours.certificatePem());
    OpenSslProcess openssl = track(OpenSslProcess.start(directory, List.of("s_client",
        "-dtls1_2", "-cipher", opensslCipher, "-bind", "127.0.0.1:" + opensslPort,
        "-connect", "127.0.0.1:" + udp.localAddress().getPort(), "-no-CApath", "-no-CAstore",
        "-CAfile", "ours.pem", "-verify", "1", "-verify_return_error",
        "-cert", "openssl.cert.pem", "-key", "openssl.key.pem",
        "-use_srtp", "SRTP_AEAD_AES_128_GCM")));
    DtlsHandshakeResult result = session.handshake().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(result.cipherSuite()).isEqualTo(suite);
    openssl.awaitLine("Verify return code: 0 \\(ok\\)", WAIT);

    for (byte[] forged : forgeries()) {
      transport.inject(forged);
    }
    transport.awaitTaken(WAIT); // the forgeries are read before openssl's next record
    openssl.writeLine("after the forgeries");
    byte[] received = events.data.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(received).as("openssl's line; openssl printed:%n%s", openssl.output()).isNotNull();
    assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo("after the forgeries\n");
    byte[] answer = "still here\n".getBytes(StandardCharsets.US_ASCII);
    session.send(answer, 0, answer.length);
    openssl.awaitLine("^still here$", WAIT);

    assertThat(events.failed).isNotDone();
    assertThat(openssl.output()).doesNotContainIgnoringCase("alert");
  }

  private static void assertExchange(DtlsSession from, RecordingListener to, String what)
      throws Exception {
    byte[] ping = what.getBytes(StandardCharsets.US_ASCII);
    from.send(ping, 0, ping.length);
    assertThat(to.nextData()).as(what).isEqualTo(ping);
  }

  /** A DTLS 1.2 record header (RFC 6347 §4.1) in front of {@code fragment}. */
  private static byte[] record(int type, int epoch, long seq, byte[] fragment) {
    return record(type, DTLS_1_2, epoch, seq, fragment);
  }

  /** A record header with any {@code version} in front of {@code fragment}. */
  private static byte[] record(int type, int version, int epoch, long seq, byte[] fragment) {
    byte[] record = new byte[HEADER_LENGTH + fragment.length];
    record[0] = (byte) type;
    record[1] = (byte) (version >> 8);
    record[2] = (byte) version;
    record[3] = (byte) (epoch >> 8);
    record[4] = (byte) epoch;
    for (int i = 0; i < 6; i++) {
      record[5 + i] = (byte) (seq >> (8 * (5 - i)));
    }
    record[11] = (byte) (fragment.length >> 8);
    record[12] = (byte) fragment.length;
    System.arraycopy(fragment, 0, record, HEADER_LENGTH, fragment.length);
    return record;
  }

  private static byte[] garbage(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(0, resource);
    return resource;
  }
}
