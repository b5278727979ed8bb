package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signalling values and settings parse, compute and refuse as documented. */
class IceValuesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "stun:127.0.0.1:3478, false, 127.0.0.1, 3478, UDP",
    "stun:stun.example.org, false, stun.example.org, 3478, UDP",
    "turn:127.0.0.1:5349?transport=tcp, true, 127.0.0.1, 5349, TCP",
    "TURN:[::1]:3479?transport=udp, true, ::1, 3479, UDP",
    "turn:[::1], true, ::1, 3478, UDP",
  })
  void parsesServerUrls(String url, boolean turn, String host, int port, IceProtocol protocol) {
    assertThat(IceServerUrl.parse(url)).isEqualTo(new IceServerUrl(turn, host, port, protocol));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "stuns:127.0.0.1, unsupported ICE server scheme 'stuns'",
    "127.0.0.1, ICE server URL needs a scheme",
    "turn:127.0.0.1?transport=sctp, ICE server URL query must be transport=udp|tcp",
    "stun:127.0.0.1?transport=udp, stun: URLs take no ?transport",
    "stun:127.0.0.1:99999, ICE server port must be 1 to 65535",
    "stun:127.0.0.1:x, bad port in ICE server URL",
  })
  void refusesBadServerUrls(String url, String message) {
    assertThatThrownBy(() -> IceServerUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void turnNeedsACredential() {
    assertThatThrownBy(() -> IceServer.turn("turn:127.0.0.1", null, null))
        .hasMessage("a turn: server needs a username and a credential");
    assertThat(IceServer.turn("turn:127.0.0.1", "u", "secret").toString())
        .doesNotContain("secret");
  }

  @ParameterizedTest(name = "{0} lp={1} c={2}")
  @CsvSource({
    "HOST, 65535, 1, 2130706431",
    "SRFLX, 65535, 1, 1694498815",
    "PRFLX, 65535, 2, 1862270974",
    "RELAY, 0, 1, 255",
  })
  void computesRfc8445Priorities(IceCandidateType type, int localPref, int component, long want) {
    assertThat(IceCandidate.computePriority(type, localPref, component)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"host, HOST", "srflx, SRFLX", "PRFLX, PRFLX", "relay, RELAY"})
  void candidateTypesUseSdpNames(String name, IceCandidateType type) {
    assertThat(IceCandidateType.fromWireName(name)).isEqualTo(type);
    assertThat(type.wireName()).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void candidatesRefuseHalfARelatedAddress() {
    assertThatThrownBy(() -> new IceCandidate("1", 1, "127.0.0.1", IceProtocol.UDP, 9,
        IceCandidateType.SRFLX, 1, "127.0.0.1", null, null))
        .hasMessage("relatedAddress and relatedPort go together");
    assertThatThrownBy(() -> new IceCandidate("1", 0, "127.0.0.1", IceProtocol.UDP, 9,
        IceCandidateType.HOST, 1, null, null, null))
        .hasMessageStartingWith("priority must be 1 to 2^31-1");
  }

  @Test
  void configValidatesAndCopies() {
    assertThatThrownBy(() -> IceAgentConfig.builder().portRange(5000, 4000))
        .hasMessageStartingWith("port range must be");
    assertThatThrownBy(() -> IceAgentConfig.builder().consentTimeout(Duration.ZERO))
        .hasMessage("consentTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> IceAgentConfig.builder()
        .disconnectedTimeout(Duration.ofSeconds(30)).consentTimeout(Duration.ofSeconds(5)).build())
        .hasMessageStartingWith("disconnectedTimeout (PT30S) must be shorter");
    IceAgentConfig config = IceAgentConfig.builder().loopbackOnly().portRange(40000, 40010).build();
    IceAgentConfig copy = config.newBuilder().gatherPolicy(IceGatherPolicy.RELAY).build();
    assertThat(copy.hostAddresses()).isEqualTo(config.hostAddresses());
    assertThat(copy.minPort()).isEqualTo(40000);
    assertThat(config.gatherPolicy()).isEqualTo(IceGatherPolicy.ALL);
    assertThat(IceAgentConfig.defaults().hostAddresses()).isEmpty();
    assertThat(IceAgentConfig.defaults().cloudMetadataProbe()).isFalse();
  }
}
