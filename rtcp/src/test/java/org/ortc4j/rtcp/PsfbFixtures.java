package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

/** Assertions the PSFB and XR tests share. */
final class PsfbFixtures {
  private PsfbFixtures() {}

  /** Parses {@code wire} as one packet, expects the parse to fail, and returns the reason. */
  static Reason parseFailure(byte[] wire) {
    RtcpParseException e =
        catchThrowableOfType(RtcpParseException.class, () -> RtcpPacket.parse(wire));
    assertThat(e).as("parse of %s", Hex.of(wire)).isNotNull();
    return e.reason();
  }

  /** Parses {@code wire}, checks it equals {@code expected} and serializes back to {@code wire}. */
  static void assertParsesTo(byte[] wire, RtcpPacket expected) throws RtcpParseException {
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

  /**
   * For 2,000 random packets from {@code generator}: parse(serialize(p)) equals p, and
   * serialize(parse(bytes)) gives bytes back.
   */
  static void assertRandomRoundTrips(Function<Random, RtcpPacket> generator, long seed)
      throws RtcpParseException {
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      RtcpPacket packet = generator.apply(random);
      byte[] wire = packet.serialize();
      assertThat(wire).hasSize(packet.serializedLength());
      RtcpPacket parsed = RtcpPacket.parse(wire);
      assertThat(parsed).as("packet %d", i).isEqualTo(packet);
      assertThat(parsed.serialize()).as("packet %d", i).isEqualTo(wire);
      assertOnlyParseExceptions(mutated(wire, random));
      assertOnlyParseExceptions(Arrays.copyOf(wire, random.nextInt(wire.length)));
    }
  }

  /** {@code wire} with one to three random bytes replaced. */
  private static byte[] mutated(byte[] wire, Random random) {
    byte[] copy = wire.clone();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  /** Parsing may fail, but only with RtcpParseException; what parses serializes again. */
  private static void assertOnlyParseExceptions(byte[] wire) {
    try {
      RtcpPacket.parse(wire).serialize();
    } catch (RtcpParseException expected) {
      // malformed input is allowed to be rejected, with this exception and no other
    }
  }
}
