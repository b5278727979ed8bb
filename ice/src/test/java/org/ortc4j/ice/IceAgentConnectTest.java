package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two agents in one JVM connect over 127.0.0.1 and ::1, in each role, with and without trickle. */
class IceAgentConnectTest {

  @ParameterizedTest(name = "{0} A={1} trickle={2}")
  @CsvSource({
    "127.0.0.1, CONTROLLING, false",
    "127.0.0.1, CONTROLLED, false",
    "127.0.0.1, CONTROLLING, true",
    "127.0.0.1, CONTROLLED, true",
    "::1, CONTROLLING, false",
    "::1, CONTROLLED, true",
  })
  void connectsAndCarriesDatagramsBothWays(String address, IceRole roleA, boolean trickle)
      throws Exception {
    IceAgentConfig config = TestConfigs.base(address).build();
    try (AgentPair pair = new AgentPair(config, config)) {
      if (trickle) {
        pair.connectTrickling(roleA, roleA.opposite());
      } else {
        pair.connectAfterGathering(roleA, roleA.opposite());
      }
      pair.awaitConnected(TestConfigs.WAIT);

      assertStateSequence(pair.la.statesSoFar(), !trickle);
      assertStateSequence(pair.lb.statesSoFar(), !trickle);
      assertThat(pair.a.selectedPair()).isPresent();
      assertThat(pair.a.selectedPair().get().local().address()).isEqualTo(address);
      assertThat(pair.a.role()).contains(roleA);
      assertThat(pair.b.role()).contains(roleA.opposite());
      assertDatagramsFlow(pair.a, pair.b);
      assertDatagramsFlow(pair.b, pair.a);
    }
  }

  private static void assertStateSequence(List<IceConnectionState> states, boolean mayComplete) {
    assertThat(states).startsWith(IceConnectionState.CHECKING, IceConnectionState.CONNECTED);
    if (states.size() > 2) {
      assertThat(mayComplete).isTrue();
      assertThat(states.get(2)).isEqualTo(IceConnectionState.COMPLETED);
    }
  }

  static void assertDatagramsFlow(IceAgent from, IceAgent to) throws Exception {
    CompletableFuture<String> got = new CompletableFuture<>();
    to.connection().setReceiver((buf, off, len) ->
        got.complete(new String(buf, off, len, StandardCharsets.UTF_8)));
    byte[] hello = ("hello from " + from.localParameters().usernameFragment())
        .getBytes(StandardCharsets.UTF_8);
    assertThat(from.connection().send(hello, 0, hello.length)).isEqualTo(IceSendStatus.SENT);
    assertThat(got.get(TestConfigs.WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(new String(hello, StandardCharsets.UTF_8));
    assertThat(to.connection().stats().delivered()).isGreaterThanOrEqualTo(1);
  }
}
