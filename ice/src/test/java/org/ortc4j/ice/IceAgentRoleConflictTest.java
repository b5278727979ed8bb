package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both agents claiming the same role resolve it by tie-breaker (RFC 8445 §7.3.1.1) and
 * connect; {@link IceAgent#role()} reports the role in force.
 *
 * <p>Both controlling: the larger tie-breaker keeps control, as the RFC says. Both controlled:
 * ice4j 3.2 lets the larger tie-breaker keep its (controlled) role and the other switch, the
 * opposite of the RFC; the roles still end up complementary, which is what this test holds.
 */
class IceAgentRoleConflictTest {

  @ParameterizedTest
  @EnumSource(IceRole.class)
  void sameRoleOnBothSidesResolvesAndConnects(IceRole both) throws Exception {
    IceAgentConfig high = TestConfigs.base("127.0.0.1").tieBreaker(1L << 40).build();
    IceAgentConfig low = TestConfigs.base("127.0.0.1").tieBreaker(7).build();
    try (AgentPair pair = new AgentPair(high, low)) {
      pair.connectAfterGathering(both, both);
      pair.awaitConnected(TestConfigs.WAIT);

      assertThat(pair.a.role()).isPresent();
      assertThat(pair.b.role()).contains(pair.a.role().get().opposite());
      if (both == IceRole.CONTROLLING) {
        assertThat(pair.a.role()).as("the larger tie-breaker controls")
            .contains(IceRole.CONTROLLING);
      }
      IceAgentConnectTest.assertDatagramsFlow(pair.a, pair.b);
    }
  }
}
