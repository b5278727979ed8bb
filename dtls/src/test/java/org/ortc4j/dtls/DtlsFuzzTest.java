package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Coverage-guided fuzzing (Jazzer) of what a DTLS endpoint reads from outside: PEM text, and
 * datagrams from the network fed to a real {@link DtlsSession} during and after a real
 * handshake between two sessions over memory. The inputs under
 * src/test/resources/org/ortc4j/dtls/DtlsFuzzTestInputs replay in {@code mvn verify};
 * {@code .ci/fuzz} fuzzes each target for a minute.
 */
class DtlsFuzzTest {
  private static final DtlsCertificate CLIENT = TestCertificates.ecdsa(0);
  private static final DtlsCertificate SERVER = TestCertificates.ecdsa(1);

  /** Any text: a certificate, or a {@link CertificateFormatException}; nothing else. */
  @FuzzTest(maxDuration = "60s")
  void pemImport(byte[] input) {
    String pem = new String(input, StandardCharsets.UTF_8);
    try {
      DtlsCertificate certificate = DtlsCertificate.fromPem(pem);
      assertThat(certificate.fingerprint(FingerprintAlgorithm.SHA_256)).isNotNull();
      assertThat(DtlsCertificate.fromPem(certificate.toPem())
          .fingerprint(FingerprintAlgorithm.SHA_256))
          .isEqualTo(certificate.fingerprint(FingerprintAlgorithm.SHA_256));
    } catch (CertificateFormatException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    }
  }

  /**
   * Datagrams injected into the server's inbox while the real client handshakes with it: the
   * handshake either completes with the real client (fingerprint matched) or fails with a
   * {@link DtlsException}; within bounded time; both sessions end.
   */
  @FuzzTest(maxDuration = "60s")
  void datagramsDuringTheHandshake(FuzzedDataProvider data) throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    try (SessionPair pair = new SessionPair(pipe.left, shortHandshake(CLIENT, SERVER), pipe.right,
        shortHandshake(SERVER, CLIENT))) {
      injectAll(pipe.right, data);
      assertEndsWellOrTyped(pair.server.handshake());
      if (pair.server.handshake().isCompletedExceptionally()) {
        // e.g. after an injected epoch-0 fatal alert the server ends without a word (RFC 5246
        // §7.2.2), and the client would wait for its handshake timeout: 15 s of fuzzing lost
        pair.client.close();
      }
      assertEndsWellOrTyped(pair.client.handshake());
      if (pair.server.handshake().isDone() && !pair.server.handshake().isCompletedExceptionally()) {
        assertThat(pair.server.handshake().get().remoteCertificateDer()).isEqualTo(CLIENT.der());
      }
    }
  }

  /**
   * Datagrams injected into the server after the handshake: unauthenticated bytes cannot end
   * the session nor be delivered as data; the client's next record still arrives.
   */
  @FuzzTest(maxDuration = "60s")
  void datagramsAfterTheHandshake(FuzzedDataProvider data) throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    try (SessionPair pair = new SessionPair(pipe.left, config(CLIENT, SERVER), pipe.right,
        config(SERVER, CLIENT))) {
      pair.clientResult();
      pair.serverResult();
      injectAll(pipe.right, data);
      byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      pair.client.send(ping, 0, ping.length);
      assertThat(pair.serverEvents.nextData()).as("the real record after the noise")
          .isEqualTo(ping);
      assertThat(pair.serverEvents.failed).isNotDone();
    }
  }

  private static DtlsConfig config(DtlsCertificate local, DtlsCertificate remote) {
    return SessionPair.config(local, remote).build();
  }

  /**
   * Some injected datagrams legitimately stall a handshake until its timeout (an epoch-0 record
   * is unauthenticated, so one with a high sequence number moves BouncyCastle's replay window
   * past the peer's real records); 4 s instead of 15 s leaves the fuzzer more inputs a minute.
   */
  private static DtlsConfig shortHandshake(DtlsCertificate local, DtlsCertificate remote) {
    return SessionPair.config(local, remote).handshakeTimeout(Duration.ofSeconds(4)).build();
  }

  /** Up to 16 datagrams of up to 1500 bytes each, from the fuzzer's bytes. */
  private static void injectAll(MemoryPacketPipe.End end, FuzzedDataProvider data) {
    for (int i = 0; i < 16 && data.remainingBytes() > 0; i++) {
      end.inject(data.consumeBytes(data.consumeInt(0, 1500)));
    }
  }

  private static void assertEndsWellOrTyped(CompletableFuture<DtlsHandshakeResult> handshake)
      throws InterruptedException {
    try {
      handshake.get(SessionPair.WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(DtlsException.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the handshake neither ended nor failed in time", e);
    }
  }
}
