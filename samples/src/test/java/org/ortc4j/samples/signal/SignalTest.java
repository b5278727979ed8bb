package org.ortc4j.samples.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ortc4j.api.DtlsParameters;
import org.ortc4j.api.DtlsTransportRole;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.FingerprintAlgorithm;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidateType;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceProtocol;
import org.ortc4j.ice.IceRole;

class SignalTest {
  private static final String FP =
      "DE:86:5D:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:B1:93";
  /** The example of shared/signal.md, with a full-length fingerprint. */
  private static final String EXAMPLE = "{\"iceParameters\":{\"usernameFragment\":\"f105\","
      + "\"password\":\"ce264b7cfcc6bb33582d34\",\"iceLite\":false},"
      + "\"iceCandidates\":[{\"foundation\":\"626da4e5\",\"priority\":2116026367,"
      + "\"address\":\"127.0.0.1\",\"protocol\":\"udp\",\"port\":46358,\"type\":\"host\","
      + "\"component\":1}],"
      + "\"dtlsParameters\":{\"role\":\"auto\",\"fingerprints\":[{\"algorithm\":\"sha-256\","
      + "\"value\":\"" + FP + "\"}]},\"iceRole\":\"controlling\"}";

  @Test
  void theSignalMdExampleReadsAndPrintsBackByteForByte() throws Exception {
    Signal signal = Signal.parse(EXAMPLE);

    assertThat(signal.iceParameters()).isEqualTo(
        new IceParameters("f105", "ce264b7cfcc6bb33582d34", false));
    assertThat(signal.iceCandidates()).containsExactly(new IceCandidate("626da4e5", 2116026367L,
        "127.0.0.1", IceProtocol.UDP, 46358, IceCandidateType.HOST, 1, null, null, null));
    assertThat(signal.dtlsParameters()).isEqualTo(DtlsParameters.auto(
        List.of(new CertificateFingerprint(FingerprintAlgorithm.SHA_256, FP))));
    assertThat(signal.iceRole()).isEqualTo(IceRole.CONTROLLING);
    assertThat(signal.toJson()).isEqualTo(EXAMPLE);
  }

  @Test
  void everyFieldSurvivesARoundTrip() throws Exception {
    DtlsCertificate certificate = DtlsCertificate.generate();
    Signal signal = new Signal(IceParameters.random(),
        List.of(IceCandidate.udpHost("1", "::1", 5000),
            new IceCandidate("2", 1694498815L, "192.0.2.7", IceProtocol.UDP, 6000,
                IceCandidateType.SRFLX, 1, "10.0.0.2", 5001, null),
            new IceCandidate("3", 16777215L, "198.51.100.9", IceProtocol.TCP, 7000,
                IceCandidateType.RELAY, 2, "10.0.0.2", 5002, "passive")),
        new DtlsParameters(DtlsTransportRole.CLIENT, List.of(
            certificate.fingerprint(FingerprintAlgorithm.SHA_256),
            certificate.fingerprint(FingerprintAlgorithm.SHA_512))),
        IceRole.CONTROLLED);

    String json = signal.toJson();

    assertThat(json).doesNotContain("\n");
    assertThat(Signal.parse(json)).isEqualTo(signal);
  }

  @Test
  void whatIsNotNeededMayBeAbsentUnknownMembersAreIgnoredAndCaseDoesNotMatter() throws Exception {
    String json = "{\"iceParameters\":{\"usernameFragment\":\"f105\","
        + "\"password\":\"ce264b7cfcc6bb33582d34\",\"future\":[1,{\"x\":null}]},"
        + "\"iceCandidates\":[{\"foundation\":\"1\",\"priority\":1,\"address\":\"::1\","
        + "\"protocol\":\"UDP\",\"port\":9,\"type\":\"Host\",\"component\":\"rtp\","
        + "\"sdpMid\":\"0\"}],"
        + "\"dtlsParameters\":{\"fingerprints\":[{\"algorithm\":\"SHA-256\","
        + "\"value\":\"" + FP.toLowerCase() + "\"}]},\"extra\":true}";

    Signal signal = Signal.parse(json);

    assertThat(signal.iceRole()).isNull();
    assertThat(signal.iceParameters().iceLite()).isFalse();
    assertThat(signal.dtlsParameters().role()).isEqualTo(DtlsTransportRole.AUTO);
    assertThat(signal.dtlsParameters().fingerprints().get(0).value()).isEqualTo(FP);
    assertThat(signal.iceCandidates().get(0).component()).isEqualTo(1);
    assertThat(signal.iceCandidates().get(0).type()).isEqualTo(IceCandidateType.HOST);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = ';', value = {
      "[]; the signal must be a JSON object",
      "{}; iceParameters is missing",
      "{\"iceParameters\":{\"usernameFragment\":\"f105\"}}; iceParameters.password is missing",
      "{\"iceParameters\":{\"usernameFragment\":\"f1\",\"password\":\"ce264b7cfcc6bb33582d34\"}};"
          + " iceParameters: ufrag must be at least 4 characters, got 2",
      "{\"iceParameters\":{\"usernameFragment\":\"f105\",\"password\":\"short\"}};"
          + " iceParameters: password must be at least 22 characters, got 5",
      "{\"iceParameters\":{\"usernameFragment\":7,\"password\":\"ce264b7cfcc6bb33582d34\"}};"
          + " iceParameters.usernameFragment must be a string",
      "ICE {\"foundation\":\"1\",\"priority\":1,\"address\":\"127.0.0.1\",\"protocol\":\"udp\","
          + "\"port\":70000,\"type\":\"host\"}; iceCandidates[0].port must be 0 to 65535, got 70000",
      "ICE {\"foundation\":\"1\",\"priority\":1.5,\"address\":\"127.0.0.1\",\"protocol\":\"udp\","
          + "\"port\":7,\"type\":\"host\"}; iceCandidates[0].priority must be a whole number, got 1.5",
      "ICE {\"foundation\":\"1\",\"priority\":99999999999999999999999,\"address\":\"127.0.0.1\","
          + "\"protocol\":\"udp\",\"port\":7,\"type\":\"host\"};"
          + " iceCandidates[0].priority must be a whole number, got 99999999999999999999999",
      "ICE {\"foundation\":\"1\",\"priority\":1,\"address\":\"example.org\",\"protocol\":\"udp\","
          + "\"port\":7,\"type\":\"host\"};"
          + " iceCandidates[0].address: must be an IPv4 or IPv6 literal (host names are not looked up)",
      "ICE {\"foundation\":\"1\",\"priority\":1,\"address\":\"127.0.0.1\",\"protocol\":\"sctp\","
          + "\"port\":7,\"type\":\"host\"}; iceCandidates[0].protocol: must be udp or tcp",
      "ICE {\"foundation\":\"1\",\"priority\":1,\"address\":\"127.0.0.1\",\"protocol\":\"udp\","
          + "\"port\":7,\"type\":\"mdns\"}; iceCandidates[0].type: must be host, srflx, prflx or relay",
      "ICE 5; iceCandidates[0] must be a JSON object",
      "DTLS {\"role\":\"both\",\"fingerprints\":[]}; dtlsParameters.role: must be auto, client or server",
      "DTLS {\"fingerprints\":[]}; dtlsParameters.fingerprints: at least one fingerprint is needed",
      "DTLS {\"fingerprints\":[{\"algorithm\":\"md5\",\"value\":\"00\"}]};"
          + " dtlsParameters.fingerprints[0].algorithm: must be sha-1, sha-224, sha-256, sha-384 or sha-512",
      "DTLS {\"fingerprints\":[{\"algorithm\":\"sha-256\",\"value\":\"00:11\"}]};"
          + " dtlsParameters.fingerprints[0].value: sha-256 fingerprint needs 32 bytes, got 2",
      "ROLE \"observer\"; iceRole: must be controlling or controlled",
  })
  void everyWrongMemberIsNamedInTheError(String shape, String message) {
    assertThatThrownBy(() -> Signal.parse(expand(shape)))
        .isInstanceOf(SignalFormatException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = ';', value = {
      "'';invalid JSON at offset 0: unexpected end of text",
      "{\"a\":1,};invalid JSON at offset 7: expected a member name in quotes",
      "{\"a\":1}x;invalid JSON at offset 7: unexpected text after the JSON value",
      "{\"a\":1,\"a\":2};invalid JSON at offset 7: duplicate member \"a\"",
      "{\"a\":01};invalid JSON at offset 6: expected '}', found '1'",
      "{\"a\":-};invalid JSON at offset 6: expected a digit",
      "{\"a\":\"\\x\"};invalid JSON at offset 7: invalid escape \\x",
      "{\"a\":\"\\u12\"};invalid JSON at offset 10: invalid hex digit in \\u escape",
      "{\"a\":tru};invalid JSON at offset 5: expected true",
      "{\"a\":\"open;invalid JSON at offset 10: unterminated string",
  })
  void malformedJsonIsRefusedWithItsOffset(String json, String message) {
    assertThatThrownBy(() -> Signal.parse(json))
        .isInstanceOf(SignalFormatException.class).hasMessage(message);
  }

  @Test
  void nestingAndSizeAreBoundedSoNoInputCanExhaustTheStackOrHeap() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Signal.parse(deep)).isInstanceOf(SignalFormatException.class)
        .hasMessage("invalid JSON at offset 64: nested deeper than 64");
    String deepButShort = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> Signal.parse(deepButShort)).isInstanceOf(SignalFormatException.class)
        .hasMessage("invalid JSON at offset 64: nested deeper than 64");
    String huge = "{\"x\":\"" + "a".repeat(JsonReader.MAX_LENGTH) + "\"}";
    assertThatThrownBy(() -> Signal.parse(huge)).isInstanceOf(SignalFormatException.class)
        .hasMessage("signal is 262152 characters, the limit is 262144");
  }

  @Test
  void controlCharactersAndLineSeparatorsAreEscapedOnOutput() throws Exception {
    String text = JsonWriter.write(List.of("a\"b\\c\nd\u0001e\u2028"));
    assertThat(text).isEqualTo("[\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"]");
    assertThat(JsonReader.parse(text)).isEqualTo(List.of("a\"b\\c\nd\u0001e\u2028"));
  }

  /** ICE/DTLS/ROLE shorthands put one member into an otherwise valid signal. */
  private static String expand(String shape) {
    String ice = "\"iceParameters\":{\"usernameFragment\":\"f105\","
        + "\"password\":\"ce264b7cfcc6bb33582d34\"}";
    String candidates = "\"iceCandidates\":[]";
    String dtls = "\"dtlsParameters\":{\"fingerprints\":[{\"algorithm\":\"sha-256\",\"value\":\""
        + FP + "\"}]}";
    if (shape.startsWith("ICE ")) {
      return "{" + ice + ",\"iceCandidates\":[" + shape.substring(4) + "]," + dtls + "}";
    }
    if (shape.startsWith("DTLS ")) {
      return "{" + ice + "," + candidates + ",\"dtlsParameters\":" + shape.substring(5) + "}";
    }
    if (shape.startsWith("ROLE ")) {
      return "{" + ice + "," + candidates + "," + dtls + ",\"iceRole\":" + shape.substring(5) + "}";
    }
    return shape;
  }
}
