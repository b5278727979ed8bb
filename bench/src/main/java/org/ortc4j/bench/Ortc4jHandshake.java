package org.ortc4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsHandshakeResult;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;
import org.ortc4j.dtls.FingerprintAlgorithm;
import org.ortc4j.srtp.SrtpKeyingMaterial;

/**
 * ortc4j's handshake as a user runs it: two {@link DtlsSession}s, client and server, over an
 * {@link InMemoryDatagramPipe}, with ECDSA P-256 certificates from {@link
 * DtlsCertificate#generate()}, each end expecting the other's SHA-256 fingerprint, and the
 * default configuration otherwise (SRTP profile order, suites, groups, MTU 1200).
 *
 * <p>Each session runs on its own thread, which it starts. The CPU time counted is each session
 * thread's total when it reports {@code onConnected} (the thread is new, so that is all it did
 * for the handshake) plus the calling thread's over start and wait. Closing the sessions is not
 * timed. Not thread-safe: one handshake at a time.
 */
final class Ortc4jHandshake implements HandshakeScenario {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final DtlsConfig clientConfig;
  private final DtlsConfig serverConfig;

  Ortc4jHandshake() {
    DtlsCertificate client = DtlsCertificate.generate();
    DtlsCertificate server = DtlsCertificate.generate();
    clientConfig =
        DtlsConfig.builder()
            .certificate(client)
            .remoteFingerprint(server.fingerprint(FingerprintAlgorithm.SHA_256))
            .build();
    serverConfig =
        DtlsConfig.builder()
            .certificate(server)
            .remoteFingerprint(client.fingerprint(FingerprintAlgorithm.SHA_256))
            .build();
  }

  @Override
  public HandshakeOutcome run() throws Exception {
    InMemoryDatagramPipe pipe = new InMemoryDatagramPipe();
    CpuAtConnect serverCpu = new CpuAtConnect();
    CpuAtConnect clientCpu = new CpuAtConnect();
    long start = System.nanoTime();
    long callerCpu = THREADS.getCurrentThreadCpuTime();
    try (DtlsSession server = DtlsSession.server(pipe.server(), serverConfig, serverCpu);
        DtlsSession client = DtlsSession.client(pipe.client(), clientConfig, clientCpu)) {
      DtlsHandshakeResult clientResult = client.handshake().get(10, TimeUnit.SECONDS);
      DtlsHandshakeResult serverResult = server.handshake().get(10, TimeUnit.SECONDS);
      long wall = System.nanoTime() - start;
      long cpu =
          THREADS.getCurrentThreadCpuTime() - callerCpu + clientCpu.nanos + serverCpu.nanos;
      return new HandshakeOutcome(
          wall,
          cpu,
          clientResult.cipherSuite(),
          pipe.observedGroup(),
          clientResult.srtp().orElseThrow().profile().name(),
          sameKeys(clientResult, serverResult));
    }
  }

  @Override
  public String library() {
    return "ortc4j on " + RawBctlsHandshake.bouncyCastleVersion();
  }

  @Override
  public void close() {
    // every session is closed by run()
  }

  private static boolean sameKeys(DtlsHandshakeResult client, DtlsHandshakeResult server) {
    SrtpKeyingMaterial ours = client.srtp().orElseThrow();
    SrtpKeyingMaterial theirs = server.srtp().orElseThrow();
    return ours.profile() == theirs.profile()
        && ours.clientMasterKey().length > 0
        && Arrays.equals(ours.clientMasterKey(), theirs.clientMasterKey())
        && Arrays.equals(ours.serverMasterKey(), theirs.serverMasterKey())
        && Arrays.equals(ours.clientMasterSalt(), theirs.clientMasterSalt())
        && Arrays.equals(ours.serverMasterSalt(), theirs.serverMasterSalt());
  }

  /** Records the session thread's CPU time when the handshake completes, on that thread. */
  private static final class CpuAtConnect implements DtlsSessionListener {
    private volatile long nanos;

    @Override
    public void onConnected(DtlsHandshakeResult result) {
      nanos = THREADS.getCurrentThreadCpuTime();
    }
  }
}
