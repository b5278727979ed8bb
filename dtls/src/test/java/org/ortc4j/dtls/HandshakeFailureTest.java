package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Hashtable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.dtls.internal.PacketDatagramTransport;
import org.ortc4j.srtp.SrtpProfile;

/** Handshakes that must fail, or survive loss and garbage, each bounded in time. */
class HandshakeFailureTest {
  static final long WAIT_SECONDS = 10;
  static final DtlsAlert BAD_CERTIFICATE_SENT = new DtlsAlert(42, false);
  static final DtlsAlert BAD_CERTIFICATE_RECEIVED = new DtlsAlert(42, true);
  static final DtlsAlert HANDSHAKE_FAILURE_SENT = new DtlsAlert(40, false);
  static final DtlsAlert HANDSHAKE_FAILURE_RECEIVED = new DtlsAlert(40, true);

  private final DtlsCertificate clientCert = TestCertificates.ecdsa(0);
  private final DtlsCertificate serverCert = TestCertificates.ecdsa(1);
  private final MemoryPacketPipe pipe = new MemoryPacketPipe();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void release() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    pipe.left.close();
    pipe.right.close();
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void fingerprintMismatchFailsBothSidesWithBadCertificate(DtlsRole verifyingSide)
      throws Exception {
    CertificateFingerprint wrong =
        TestCertificates.get(CertificateKeyType.RSA_2048, 1).fingerprint(FingerprintAlgorithm.SHA_256);
    DtlsConfig.Builder client = SessionPair.config(clientCert, serverCert);
    DtlsConfig.Builder server = SessionPair.config(serverCert, clientCert);
    (verifyingSide == DtlsRole.CLIENT ? client : server).remoteFingerprints(List.of(wrong));
    SessionPair pair = pair(client.build(), server.build());

    DtlsSession verifier = verifyingSide == DtlsRole.CLIENT ? pair.client : pair.server;
    DtlsSession other = verifyingSide == DtlsRole.CLIENT ? pair.server : pair.client;
    DtlsException local = failure(verifier);
    DtlsException remote = failure(other);

    assertThat(local.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
    assertThat(local.alert()).contains(BAD_CERTIFICATE_SENT);
    assertThat(remote.reason()).isEqualTo(DtlsFailure.ALERT_RECEIVED);
    assertThat(remote.alert()).contains(BAD_CERTIFICATE_RECEIVED);
    assertThat(pair.clientEvents.connected).isNotDone();
    assertThat(pair.serverEvents.connected).isNotDone();
  }

  @Test
  void anyOfSeveralFingerprintsMatches() throws Exception {
    CertificateFingerprint other =
        TestCertificates.get(CertificateKeyType.RSA_2048, 1).fingerprint(FingerprintAlgorithm.SHA_1);
    CertificateFingerprint right = serverCert.fingerprint(FingerprintAlgorithm.SHA_512);
    SessionPair pair = pair(
        SessionPair.config(clientCert, serverCert).remoteFingerprints(List.of(other, right))
            .build(),
        SessionPair.config(serverCert, clientCert).build());

    assertThat(pair.clientResult().matchedFingerprint()).isEqualTo(right);
  }

  @Test
  void aWrongFingerprintAheadOfTheRightOneOfTheSameAlgorithmDoesNotHideIt() throws Exception {
    CertificateFingerprint wrong = clientCert.fingerprint(FingerprintAlgorithm.SHA_256);
    CertificateFingerprint right = serverCert.fingerprint(FingerprintAlgorithm.SHA_256);
    SessionPair pair = pair(
        SessionPair.config(clientCert, serverCert).remoteFingerprints(List.of(wrong, right))
            .build(),
        SessionPair.config(serverCert, clientCert).build());

    assertThat(pair.clientResult().matchedFingerprint()).isEqualTo(right);
  }

  @Test
  void noCommonSrtpProfileFailsBothSides() throws Exception {
    SessionPair pair = pair(
        SessionPair.config(clientCert, serverCert)
            .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80).build(),
        SessionPair.config(serverCert, clientCert)
            .srtpProfiles(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM).build());

    DtlsException server = failure(pair.server);
    DtlsException client = failure(pair.client);

    assertThat(server.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(server.alert()).contains(HANDSHAKE_FAILURE_SENT);
    assertThat(client.reason()).isEqualTo(DtlsFailure.ALERT_RECEIVED);
    assertThat(client.alert()).contains(HANDSHAKE_FAILURE_RECEIVED);
  }

  @Test
  void clientRefusesServerThatIgnoresUseSrtp() throws Exception {
    SessionPair pair = pair(SessionPair.config(clientCert, serverCert).build(),
        SessionPair.config(serverCert, clientCert).withoutSrtp().build());

    DtlsException client = failure(pair.client);

    assertThat(client.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(client.alert()).contains(HANDSHAKE_FAILURE_SENT);
    assertThat(failure(pair.server).alert()).contains(HANDSHAKE_FAILURE_RECEIVED);
  }

  @Test
  void serverRefusesClientThatOffersNoSrtp() throws Exception {
    SessionPair pair = pair(SessionPair.config(clientCert, serverCert).withoutSrtp().build(),
        SessionPair.config(serverCert, clientCert).build());

    assertThat(failure(pair.server).reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failure(pair.client).alert()).contains(HANDSHAKE_FAILURE_RECEIVED);
  }

  @Test
  void plainDtlsWhenBothSidesTurnSrtpOff() throws Exception {
    SessionPair pair = pair(SessionPair.config(clientCert, serverCert).withoutSrtp().build(),
        SessionPair.config(serverCert, clientCert).withoutSrtp().build());

    assertThat(pair.clientResult().srtp()).isEmpty();
    assertThat(pair.serverResult().srtpProfile()).isEmpty();
    byte[] data = {1, 2, 3};
    pair.server.send(data, 0, data.length);
    assertThat(pair.clientEvents.nextData()).isEqualTo(data);
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void silentPeerFailsAtTheHandshakeTimeout(DtlsRole role) throws Exception {
    RecordingListener events = new RecordingListener();
    DtlsSession session = track(DtlsSession.start(role, pipe.left,
        SessionPair.config(clientCert, serverCert)
            .handshakeTimeout(Duration.ofMillis(600))
            .initialRetransmitInterval(Duration.ofMillis(100)).build(), events));

    DtlsException failure = failure(session);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.HANDSHAKE_TIMEOUT);
    assertThat(events.failed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(failure);
    assertThat(pipe.left.isClosed()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void lostFirstFlightIsRetransmitted(DtlsRole lossySide) throws Exception {
    LossyPacketTransport lossy = LossyPacketTransport.dropFirst(
        lossySide == DtlsRole.CLIENT ? pipe.left : pipe.right, 1);
    DtlsConfig client = SessionPair.config(clientCert, serverCert)
        .initialRetransmitInterval(Duration.ofMillis(100)).build();
    DtlsConfig server = SessionPair.config(serverCert, clientCert)
        .initialRetransmitInterval(Duration.ofMillis(100)).build();
    SessionPair pair = track(lossySide == DtlsRole.CLIENT
        ? new SessionPair(lossy, client, pipe.right, server)
        : new SessionPair(pipe.left, client, lossy, server));

    assertThat(pair.clientResult().srtp()).isEqualTo(pair.serverResult().srtp());
    assertThat(lossy.dropped()).isEqualTo(1);
  }

  @Test
  void serversLostFinishedIsResentFromItsReceiveLoopAfterTheHandshake() throws Exception {
    AtomicBoolean finishedLost = new AtomicBoolean();
    // the server's change_cipher_spec with its encrypted Finished (epoch 1), the last flight
    LossyPacketTransport server = new LossyPacketTransport(pipe.right, (index, datagram) ->
        datagram.length > 18 && datagram[0] == 20 && datagram[14] == 22 && datagram[17] == 0
            && datagram[18] == 1 && finishedLost.compareAndSet(false, true));
    SessionPair pair = track(new SessionPair(
        pipe.left, SessionPair.config(clientCert, serverCert)
            .initialRetransmitInterval(Duration.ofMillis(100)).build(),
        server, SessionPair.config(serverCert, clientCert).build()));

    DtlsHandshakeResult serverResult = pair.serverResult();
    DtlsHandshakeResult clientResult = pair.clientResult();

    assertThat(finishedLost).isTrue();
    assertThat(server.dropped()).isEqualTo(1);
    assertThat(clientResult.srtp()).isEqualTo(serverResult.srtp());
  }

  /**
   * The client's CertificateVerify is lost once but the change_cipher_spec behind it arrives:
   * BouncyCastle's server alone would switch to epoch 1 there and then discard every resent
   * CertificateVerify (epoch 0) until the timeout; the session holds the change_cipher_spec
   * back and the resent flight completes the handshake.
   */
  @Test
  void lostCertificateVerifyBeforeAnArrivingChangeCipherSpecIsResent() throws Exception {
    AtomicBoolean verifyLost = new AtomicBoolean();
    // epoch 0 handshake record whose message is a CertificateVerify (type 15)
    LossyPacketTransport client = new LossyPacketTransport(pipe.left, (index, datagram) ->
        datagram.length > 13 && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 0
            && datagram[13] == 15 && verifyLost.compareAndSet(false, true));
    DtlsConfig clientConfig = SessionPair.config(clientCert, serverCert)
        .initialRetransmitInterval(Duration.ofMillis(100)).build();
    DtlsConfig serverConfig = SessionPair.config(serverCert, clientCert)
        .initialRetransmitInterval(Duration.ofMillis(100)).build();
    SessionPair pair = track(new SessionPair(client, clientConfig, pipe.right, serverConfig));

    assertThat(pair.serverResult().srtp()).isEqualTo(pair.clientResult().srtp());
    assertThat(client.dropped()).isEqualTo(1);
  }

  /**
   * The server's change_cipher_spec + Finished is lost and every resent Certificate of the
   * client too, so the client's last flight never arrives whole again: BouncyCastle alone would
   * never answer it (the client timed out though the server had connected); with a resend
   * limit the session answers the start of the resent flight with its last flight (RFC 6347
   * §4.2.4).
   */
  @Test
  void serverAnswersAnIncompleteResentLastFlight() throws Exception {
    AtomicBoolean finishedLost = new AtomicBoolean();
    AtomicBoolean firstCertificateSent = new AtomicBoolean();
    LossyPacketTransport server = new LossyPacketTransport(pipe.right, (index, datagram) ->
        datagram.length > 18 && datagram[0] == 20 && datagram[14] == 22 && datagram[17] == 0
            && datagram[18] == 1 && finishedLost.compareAndSet(false, true));
    LossyPacketTransport client = new LossyPacketTransport(pipe.left, (index, datagram) ->
        datagram.length > 13 && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 0
            && datagram[13] == 11 && !firstCertificateSent.compareAndSet(false, true));
    SessionPair pair = track(new SessionPair(
        client, SessionPair.config(clientCert, serverCert)
            .initialRetransmitInterval(Duration.ofMillis(100))
            .maxRetransmitInterval(Duration.ofMillis(400)).build(),
        server, SessionPair.config(serverCert, clientCert)
            .maxRetransmitInterval(Duration.ofMillis(400)).build()));

    assertThat(pair.clientResult().srtp()).isEqualTo(pair.serverResult().srtp());
    assertThat(finishedLost).isTrue();
    assertThat(client.dropped()).isPositive();
  }

  @Test
  void closeDuringTheHandshakeFailsItAtOnce() throws Exception {
    RecordingListener events = new RecordingListener();
    DtlsSession session = track(DtlsSession.client(pipe.left,
        SessionPair.config(clientCert, serverCert).handshakeTimeout(Duration.ofSeconds(60))
            .build(), events));
    byte[] clientHello = new byte[2048];
    assertThat(pipe.right.receive(clientHello, 0, clientHello.length, 10_000)).isPositive();

    session.close();

    assertThat(session.handshake()).isDone(); // close() returned after the session thread ended
    DtlsException failure = failure(session);
    assertThat(failure.reason()).isEqualTo(DtlsFailure.CLOSED_LOCALLY);
    assertThat(pipe.left.isClosed()).isTrue();
    assertThat(events.failed).isNotDone();
    assertThatThrownBy(() -> session.send(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
    session.close();
  }

  @Test
  void garbageInterleavedWithTheHandshakeIsDroppedAndCounted() throws Exception {
    byte[][] garbage = {
        {0x00, 0x01, 0x00, 0x00},                       // STUN-like
        {(byte) 0x80, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, // RTP-like
        {22, (byte) 0xFE, (byte) 0xFD},                 // a truncated DTLS header
        {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F, (byte) 0xFF, 1}, // bad length
        {(byte) 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}};
    LossyPacketTransport client = new LossyPacketTransport(pipe.left, (index, datagram) -> {
      pipe.right.inject(garbage[index % garbage.length]); // reaches the server first
      return false;
    });
    LossyPacketTransport server = new LossyPacketTransport(pipe.right, (index, datagram) -> {
      pipe.left.inject(garbage[index % garbage.length]);
      return false;
    });
    SessionPair pair = track(new SessionPair(
        client, SessionPair.config(clientCert, serverCert).build(),
        server, SessionPair.config(serverCert, clientCert).build()));

    assertThat(pair.clientResult().srtp()).isEqualTo(pair.serverResult().srtp());
    assertThat(pair.server.droppedDatagrams()).isGreaterThanOrEqualTo(4);
    assertThat(pair.client.droppedDatagrams()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void serverRejectsAClientWithoutCertificate() throws Exception {
    DtlsSession server = track(DtlsSession.server(pipe.right,
        SessionPair.config(serverCert, clientCert).build(), new RecordingListener()));
    CompletableFuture<Void> anonymousClient = CompletableFuture.runAsync(() -> {
      try {
        new DTLSClientProtocol().connect(new CertificatelessClient(),
            new PacketDatagramTransport(pipe.left, 1200));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    DtlsException failure = failure(server);

    assertThat(failure.reason()).isEqualTo(DtlsFailure.CERTIFICATE_MISSING);
    assertThat(failure.alert()).contains(HANDSHAKE_FAILURE_SENT);
    assertThatThrownBy(() -> anonymousClient.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(TlsFatalAlertReceived.class);
  }

  /** A plain BouncyCastle DTLS client that offers use_srtp but has no certificate to send. */
  private static final class CertificatelessClient extends DefaultTlsClient {
    CertificatelessClient() {
      super(new BcTlsCrypto(new SecureRandom()));
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable extensions =
          TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(extensions,
          new UseSRTPData(new int[] {SrtpProfile.AEAD_AES_128_GCM.id()}, new byte[0]));
      return extensions;
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate certificate) {}

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request) {
          return null;
        }
      };
    }
  }

  @Test
  void transportClosedUnderAConnectedSessionIsReportedAsTransportError() throws Exception {
    SessionPair pair = pair(SessionPair.config(clientCert, serverCert).build(),
        SessionPair.config(serverCert, clientCert).build());
    pair.clientResult();

    pipe.left.close(); // e.g. ICE failed underneath

    DtlsException failure = pair.clientEvents.failed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(failure.reason()).isEqualTo(DtlsFailure.TRANSPORT_ERROR);
    assertThatThrownBy(() -> pair.client.send(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sendBeforeTheHandshakeIsAnError() {
    DtlsSession session = track(DtlsSession.client(pipe.left,
        SessionPair.config(clientCert, serverCert).build(), new RecordingListener()));

    assertThatThrownBy(() -> session.send(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("handshake");
  }

  private SessionPair pair(DtlsConfig client, DtlsConfig server) {
    return track(new SessionPair(pipe.left, client, pipe.right, server));
  }

  private static DtlsException failure(DtlsSession session) {
    Throwable[] cause = new Throwable[1];
    assertThatThrownBy(() -> session.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> cause[0] = e.getCause());
    assertThat(cause[0]).isInstanceOf(DtlsException.class);
    return (DtlsException) cause[0];
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(0, resource);
    return resource;
  }
}
