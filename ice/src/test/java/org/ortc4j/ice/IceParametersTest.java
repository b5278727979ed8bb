package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Remote parameters that libwebrtc would refuse are refused with a message naming the rule. */
class IceParametersTest {
  private static final String GOOD_PWD = "abcdefghijklmnopqrstuv";

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
    "abc, " + GOOD_PWD + ", ufrag must be at least 4 characters, got 3",
    "abcd, abcdefghijklmnopqrstu, password must be at least 22 characters, got 21",
    "ab-d, " + GOOD_PWD + ", ufrag must use only ICE characters (A-Z a-z 0-9 + /)",
    "abcd, abcdefghijklmnopqrstu=, password must use only ICE characters",
  })
  void refusesBadValues(String ufrag, String pwd, String message) {
    assertThatThrownBy(() -> new IceParameters(ufrag, pwd, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void startRefusesShortRemoteParametersBeforeAnyCheck() {
    try (IceAgent agent = IceAgent.create(TestConfigs.v4(), new IceAgentListener() {})) {
      agent.gather();
      assertThatThrownBy(() -> agent.start(IceRole.CONTROLLED, new IceParameters("f1", GOOD_PWD, false)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ufrag must be at least 4 characters, got 2");
      assertThat(agent.state()).isEqualTo(IceConnectionState.NEW);
    }
  }

  @Test
  void randomParametersAreValidAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      IceParameters p = IceParameters.random();
      assertThat(p.usernameFragment()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(p.password()).hasSizeGreaterThanOrEqualTo(22);
      assertThat(seen.add(p.password())).isTrue();
    }
  }

  @Test
  void localParametersFollowTheRules() {
    try (IceAgent agent = IceAgent.create(TestConfigs.v4(), new IceAgentListener() {})) {
      IceParameters local = agent.localParameters();
      assertThat(local.usernameFragment()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(local.password()).hasSizeGreaterThanOrEqualTo(22);
      assertThat(local.toString()).doesNotContain(local.password());
    }
  }
}
