package org.ortc4j.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;
import org.ortc4j.dtls.FingerprintAlgorithm;
import org.ortc4j.dtls.UdpPacketTransport;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceAgentListener;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * The reference for {@link ApiCallPair}: the same set-up with the layers under the api alone.
 * Two {@link IceAgent}s on 127.0.0.1 trickle their candidates to each other and start at once
 * (as {@code IceBench} does, but timed from {@code gather()}), then two {@link DtlsSession}s,
 * server and client, handshake over a pair of {@link UdpPacketTransport}s on 127.0.0.1 (as
 * {@code DtlsBench}'s ortc4j scenario does, over real UDP), with the api's defaults: P-256
 * certificates checked by fingerprint, SRTP. Agents, sockets and certificates are made before
 * the clock starts. So the sum is what connecting costs without the api's objects, streams,
 * demultiplexer and media set-up.
 */
final class LowerLayersConnect implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;
  private static final DtlsSessionListener NO_EVENTS = new DtlsSessionListener() { };

  private final Side a = new Side();
  private final Side b = new Side();
  private final IceAgent controlling;
  private final IceAgent controlled;
  private final UdpPacketTransport serverUdp;
  private final UdpPacketTransport clientUdp;
  private final DtlsConfig serverConfig;
  private final DtlsConfig clientConfig;

  LowerLayersConnect(IceAgentConfig config) throws Exception {
    controlling = IceAgent.create(config, a);
    controlled = IceAgent.create(config, b);
    a.peer = controlled;
    b.peer = controlling;
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    InetSocketAddress serverAddress = new InetSocketAddress(loopback, freePort(loopback));
    InetSocketAddress clientAddress = new InetSocketAddress(loopback, freePort(loopback));
    serverUdp = UdpPacketTransport.open(serverAddress, clientAddress);
    clientUdp = UdpPacketTransport.open(clientAddress, serverAddress);
    DtlsCertificate server = DtlsCertificate.generate();
    DtlsCertificate client = DtlsCertificate.generate();
    serverConfig = DtlsConfig.builder().certificate(server)
        .remoteFingerprint(client.fingerprint(FingerprintAlgorithm.SHA_256)).build();
    clientConfig = DtlsConfig.builder().certificate(client)
        .remoteFingerprint(server.fingerprint(FingerprintAlgorithm.SHA_256)).build();
  }

  private static int freePort(InetAddress address) throws Exception {
    try (DatagramChannel probe = DatagramChannel.open()) {
      probe.bind(new InetSocketAddress(address, 0));
      return ((InetSocketAddress) probe.getLocalAddress()).getPort();
    }
  }

  /** Trickles to its peer and notes when it connected. */
  private static final class Side implements IceAgentListener {
    final CompletableFuture<Long> connectedAt = new CompletableFuture<>();
    volatile IceAgent peer;

    @Override
    public void onCandidate(IceCandidate candidate) {
      peer.addRemoteCandidate(candidate);
    }

    @Override
    public void onEndOfCandidates() {
      peer.endOfRemoteCandidates();
    }

    @Override
    public void onStateChange(IceConnectionState state) {
      if (state.isConnected()) {
        connectedAt.complete(System.nanoTime());
      }
    }
  }

  /** ICE from {@code gather()} to both CONNECTED, then a DTLS handshake to both done. */
  ConnectTimes connect() throws Exception {
    long start = System.nanoTime();
    controlling.gather();
    controlled.gather();
    controlling.start(IceRole.CONTROLLING, controlled.localParameters());
    controlled.start(IceRole.CONTROLLED, controlling.localParameters());
    long iceUp = Math.max(a.connectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS),
        b.connectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS));
    long dtlsStart = System.nanoTime();
    try (DtlsSession server = DtlsSession.server(serverUdp, serverConfig, NO_EVENTS);
        DtlsSession client = DtlsSession.client(clientUdp, clientConfig, NO_EVENTS)) {
      client.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS);
      server.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS);
      return new ConnectTimes(iceUp - start, System.nanoTime() - dtlsStart);
    }
  }

  @Override
  public void close() {
    controlling.close();
    controlled.close();
    serverUdp.close();
    clientUdp.close();
  }
}
