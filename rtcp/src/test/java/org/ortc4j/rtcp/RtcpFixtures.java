package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

/** Assertions the packet type tests share. */
final class RtcpFixtures {
  private RtcpFixtures() {}

  /** Parses {@code wire} as one packet, expects the parse to fail, and returns the reason. */
  static Reason parseFailure(byte[] wire) {
    RtcpParseException e =
        catchThrowableOfType(RtcpParseException.class, () -> RtcpPacket.parse(wire));
    assertThat(e).as("parse of %s", Hex.of(wire)).isNotNull();
    return e.reason();
  }

  /**
   * Parses {@code wire}, checks it equals {@code expected}, and that both serialize back to
   * {@code wire}.
   */
  static void assertParsesTo(byte[] wire, RtcpPacket expected) throws RtcpParseException {
    assertThat(Hex.of(expected.serialize())).isEqualTo(Hex.of(wire));
    RtcpPacket parsed = RtcpPacket.parse(wire);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.hashCode()).isEqualTo(expected.hashCode());
    assertThat(Hex.of(parsed.serialize())).isEqualTo(Hex.of(wire));
    assertThat(parsed.serializedLength()).isEqualTo(wire.length);
    assertThat(RtcpCompound.parse(wire)).containsExactly(expected);
  }

  /** A reader over all of {@code body}, for calling a decoder directly. */
  static ByteReader reader(byte[] body) {
    return new ByteReader(body, 0, body.length, "test");
  }
}
