package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
