package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-reflexive and relay candidates from a real coturn on 127.0.0.1, and a relay-only call. */
class IceAgentTurnTest {
  private static Coturn coturn;

  @BeforeAll
  static void startCoturn() throws Exception {
    coturn = new Coturn();
  }

  @AfterAll
  static void stopCoturn() {
    if (coturn != null) {
      coturn.close();
    }
  }

  private static IceAgentConfig.Builder withServers() {
    return TestConfigs.base("127.0.0.1")
        .addIceServer(IceServer.stun("stun:" + coturn.url()))
        .addIceServer(IceServer.turn("turn:" + coturn.url() + "?transport=udp",
            Coturn.USER, Coturn.PASSWORD));
  }

  /** Relay policy with one TURN server reached over {@code transport}. */
  private static IceAgentConfig relayOnlyOver(String transport) {
    return TestConfigs.base("127.0.0.1")
        .gatherPolicy(IceGatherPolicy.RELAY)
        .addIceServer(IceServer.turn("turn:" + coturn.url() + "?transport=" + transport,
            Coturn.USER, Coturn.PASSWORD))
        .build();
  }

  @Test
  void gathersHostThenRelayCandidates() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (IceAgent agent = IceAgent.create(withServers().build(), listener)) {
      agent.gather();
      listener.awaitEndOfCandidates(TestConfigs.WAIT);

      List<IceCandidate> found = List.copyOf(listener.candidates);
      assertThat(found.get(0).type()).isEqualTo(IceCandidateType.HOST);
      IceCandidate host = found.get(0);
      IceCandidate relay = found.stream()
          .filter(c -> c.type() == IceCandidateType.RELAY).findFirst().orElseThrow();
      assertThat(relay.address()).isEqualTo("127.0.0.1");
      assertThat(relay.port()).isBetween(coturn.minRelayPort, coturn.maxRelayPort);
      assertThat(relay.relatedAddress()).isEqualTo("127.0.0.1");
      assertThat(relay.relatedPort()).as("mapped address of our host socket").isEqualTo(host.port());
      assertThat(relay.priority()).isLessThan(host.priority());
      // On loopback the server-reflexive address equals the host address: RFC 8445 §5.1.3
      // drops it as redundant, so no srflx may repeat a host transport address.
      assertThat(found).filteredOn(c -> c.type() == IceCandidateType.SRFLX)
          .noneMatch(c -> c.address().equals(host.address()) && c.port() == host.port());
      assertThat(agent.gatheringState()).isEqualTo(IceGatheringState.COMPLETE);
    }
  }

  @Test
  void connectsOverRelayOnlyWithRelayPolicy() throws Exception {
    IceAgentConfig relayOnly = withServers().gatherPolicy(IceGatherPolicy.RELAY).build();
    try (AgentPair pair = new AgentPair(relayOnly, relayOnly)) {
      pair.connectAfterGathering(IceRole.CONTROLLING, IceRole.CONTROLLED);
      assertThat(pair.la.candidates).isNotEmpty()
          .allMatch(c -> c.type() == IceCandidateType.RELAY);
      pair.awaitConnected(TestConfigs.WAIT);

      assertThat(pair.a.selectedPair().get().local().type()).isEqualTo(IceCandidateType.RELAY);
      assertThat(pair.b.selectedPair().get().local().type()).isEqualTo(IceCandidateType.RELAY);
      IceAgentConnectTest.assertDatagramsFlow(pair.a, pair.b);
      IceAgentConnectTest.assertDatagramsFlow(pair.b, pair.a);
    }
  }

  /**
   * ice4j's own shutdown can deadlock on a relayed socket whose send thread is busy (its queue
   * lock against the STUN stack's connector map); close() must never hang.
   */
  @Test
  void relayConnectionsCloseWithoutHanging() throws Exception {
    IceAgentConfig relayOnly = withServers().gatherPolicy(IceGatherPolicy.RELAY).build();
    for (int i = 0; i < 10; i++) {
      AgentPair pair = new AgentPair(relayOnly, relayOnly);
      try {
        pair.connectAfterGathering(IceRole.CONTROLLING, IceRole.CONTROLLED);
        pair.awaitConnected(TestConfigs.WAIT);
        byte[] data = new byte[200];
        for (int k = 0; k < 50; k++) { // keep the relayed send threads busy while closing
          pair.a.connection().send(data, 0, data.length);
          pair.b.connection().send(data, 0, data.length);
        }
      } finally {
        CompletableFuture.runAsync(pair::close).get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void silentServerEndsGatheringAtServerTimeout() throws Exception {
    try (DatagramChannel silent = DatagramChannel.open()) {
      silent.bind(new InetSocketAddress("127.0.0.1", 0));
      String url = "127.0.0.1:" + ((InetSocketAddress) silent.getLocalAddress()).getPort();
      IceAgentConfig config = TestConfigs.base("127.0.0.1")
          .serverTimeout(Duration.ofSeconds(1))
          .addIceServer(IceServer.stun("stun:" + url))
          .addIceServer(IceServer.turn("turn:" + url, "u", "p"))
          .build();
      RecordingListener listener = new RecordingListener();
      try (IceAgent agent = IceAgent.create(config, listener)) {
        agent.gather();
        // ice4j alone would wait 9.5 s (STUN retransmissions); we end at serverTimeout
        listener.awaitEndOfCandidates(Duration.ofSeconds(4));
        assertThat(listener.candidates).extracting(IceCandidate::type)
            .containsExactly(IceCandidateType.HOST);
      }
    }
  }

  @Test
  void gathersUdpRelayOverTcpControlConnection() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (IceAgent agent = IceAgent.create(relayOnlyOver("tcp"), listener)) {
      agent.gather();
      listener.awaitEndOfCandidates(TestConfigs.WAIT);

      assertThat(listener.candidates).hasSize(1);
      IceCandidate relay = listener.candidates.get(0);
      assertThat(relay.type()).isEqualTo(IceCandidateType.RELAY);
      assertThat(relay.protocol()).as("RFC 6062 not used: the relay is UDP")
          .isEqualTo(IceProtocol.UDP);
      assertThat(relay.address()).isEqualTo("127.0.0.1");
      assertThat(relay.port()).isBetween(coturn.minRelayPort, coturn.maxRelayPort);
      assertThat(coturn.tcpClientPorts())
          .as("the mapped address of the allocation is our TCP connection's")
          .contains(relay.relatedPort());
      assertThat(tcpReaders()).hasSize(1);
    }
    assertThat(tcpReaders()).as("close() ends the TCP connection's reader").isEmpty();
  }

  private static List<Thread> tcpReaders() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("ortc4j-ice-turn-tcp-")).toList();
  }

  /** One side reaches coturn over TCP only, the other over {@code otherSide}; relay pairs only. */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void connectsOverRelayReachedByTcp(String otherSide) throws Exception {
    AgentPair pair = new AgentPair(relayOnlyOver("tcp"), relayOnlyOver(otherSide));
    try {
      pair.connectAfterGathering(IceRole.CONTROLLING, IceRole.CONTROLLED);
      pair.awaitConnected(TestConfigs.WAIT);

      assertThat(pair.a.selectedPair().get().local().type()).isEqualTo(IceCandidateType.RELAY);
      assertThat(pair.b.selectedPair().get().local().type()).isEqualTo(IceCandidateType.RELAY);
      IceAgentConnectTest.assertDatagramsFlow(pair.a, pair.b);
      IceAgentConnectTest.assertDatagramsFlow(pair.b, pair.a);
      assertEverySizeArrivesIntact(pair.a, pair.b);
      assertEverySizeArrivesIntact(pair.b, pair.a);
      byte[] data = new byte[201];
      for (int k = 0; k < 50; k++) { // keep the relayed send threads busy while closing
        pair.a.connection().send(data, 0, data.length);
        pair.b.connection().send(data, 0, data.length);
      }
    } finally {
      CompletableFuture.runAsync(pair::close).get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * ChannelData on a TCP connection is padded to 4 bytes and must be unpadded on receipt: after
   * rounds of every length modulo 4, the last round still arrives intact (a framing error would
   * have broken the stream).
   */
  private static void assertEverySizeArrivesIntact(IceAgent from, IceAgent to) throws Exception {
    int rounds = 5;
    java.util.Set<String> lastRound = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CompletableFuture<Void> done = new CompletableFuture<>();
    to.connection().setReceiver((buf, off, len) -> {
      if (buf[off] == rounds - 1 && intact(buf, off, len)) {
        lastRound.add(Integer.toString(len));
        if (lastRound.size() == 4) {
          done.complete(null);
        }
      }
    });
    for (int round = 0; round < rounds; round++) {
      for (int len = 201; len <= 204; len++) {
        byte[] data = new byte[len];
        data[0] = (byte) round;
        for (int i = 1; i < len; i++) {
          data[i] = (byte) (len + i);
        }
        assertThat(from.connection().send(data, 0, len)).isEqualTo(IceSendStatus.SENT);
      }
    }
    done.get(TestConfigs.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static boolean intact(byte[] buf, int off, int len) {
    for (int i = 1; i < len; i++) {
      if (buf[off + i] != (byte) (len + i)) {
        return false;
      }
    }
    return true;
  }

  /** A TCP TURN server that accepts and never answers, or refuses: gathering still ends. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void silentTcpServerEndsGatheringAtServerTimeout(boolean accepts) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, TestConfigs.literal("127.0.0.1"))) {
      int port = server.getLocalPort();
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(server));
      if (!accepts) {
        server.close(); // the port now refuses connections
      }
      IceAgentConfig config = TestConfigs.base("127.0.0.1")
          .serverTimeout(Duration.ofSeconds(1))
          .gatherPolicy(IceGatherPolicy.RELAY)
          .addIceServer(IceServer.turn("turn:127.0.0.1:" + port + "?transport=tcp", "u", "p"))
          .build();
      RecordingListener listener = new RecordingListener();
      try (IceAgent agent = IceAgent.create(config, listener)) {
        agent.gather();
        listener.awaitEndOfCandidates(Duration.ofSeconds(4));
        assertThat(listener.candidates).isEmpty();
        assertThat(agent.gatheringState()).isEqualTo(IceGatheringState.COMPLETE);
        if (accepts) {
          assertThat(accepted.get(1, TimeUnit.SECONDS)).as("the agent connected").isNotNull();
        }
      } finally {
        Socket s = accepted.getNow(null);
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static Socket accept(ServerSocket server) {
    try {
      return server.accept();
    } catch (java.io.IOException closed) {
      return null;
    }
  }
}
