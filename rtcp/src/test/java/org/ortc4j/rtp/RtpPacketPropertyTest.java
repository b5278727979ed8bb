package org.ortc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtcp.Hex;
import org.ortc4j.rtp.RtpParseException.Reason;

/** Properties over many deterministic random inputs (fixed seeds, so failures reproduce). */
class RtpPacketPropertyTest {
  private static final int RANDOM_INPUTS = 100_000;
  private static final int RANDOM_PACKETS = 5_000;

  @Test
  void anyBytesParseOrFailWithRtpParseExceptionAndTheViewAgrees() {
    Random random = new Random(0x5eed_0001L);
    int accepted = 0;
    Map<Reason, Integer> rejected = new EnumMap<>(Reason.class);
    RtpPacketView view = new RtpPacketView();
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      byte[] input = randomInput(random);
      int offset = input.length == 0 ? 0 : random.nextInt(Math.min(3, input.length + 1));
      int length = input.length - offset;
      RtpPacket packet = null;
      RtpParseException failure = null;
      try {
        packet = RtpPacket.parse(input, offset, length);
      } catch (RtpParseException e) {
        failure = e;
      } catch (RuntimeException e) {
        fail("parse threw " + e + " for " + Hex.of(input) + " at " + offset, e);
      }
      int code = RtpPacketView.validate(input, offset, length);
      int framing = RtpPacketView.validateFraming(input, offset, length);
      if (packet != null) {
        accepted++;
        assertThat(code).as("validate accepts what parse accepts: %s", Hex.of(input)).isPositive();
        assertThat(framing).isEqualTo(code);
        checkView(view, input, offset, length, packet);
      } else {
        assertThat(code).as("validate rejects what parse rejects: %s", Hex.of(input)).isNegative();
        assertThat(RtpPacketView.reason(code)).isEqualTo(failure.reason());
        rejected.merge(failure.reason(), 1, Integer::sum);
        assertThat(view.wrap(input, offset, length)).isFalse();
        if (framing >= 0) {
          assertThat(view.wrapFraming(input, offset, length)).isTrue();
          assertThat(view.payloadOffset() + view.payloadLength() + view.paddingLength())
              .isEqualTo(offset + length);
        }
      }
    }
    assertThat(accepted).as("the generator must reach valid packets too").isGreaterThan(10_000);
    assertThat(rejected).as("the generator must reach every check").containsOnlyKeys(Reason.values());
  }

  @Test
  void randomValidPacketsRoundTrip() throws Exception {
    Random random = new Random(0x5eed_0002L);
    RtpPacketView view = new RtpPacketView();
    for (int i = 0; i < RANDOM_PACKETS; i++) {
      RtpPacket packet = RtpRandom.randomPacket(random);
      byte[] wire = packet.serialize();
      assertThat(wire).hasSize(packet.serializedLength());
      RtpPacket parsed = RtpPacket.parse(wire);
      assertThat(parsed).isEqualTo(packet);
      assertThat(parsed.serialize()).isEqualTo(wire);
      assertThat(RtpHeader.parse(wire)).isEqualTo(packet.header());
      assertThat(RtpPacketView.validate(wire, 0, wire.length))
          .isEqualTo(packet.header().headerLength());
      checkView(view, wire, 0, wire.length, packet);
    }
  }

  /** The view over accepted bytes shows what parse found. */
  private static void checkView(
      RtpPacketView view, byte[] input, int offset, int length, RtpPacket packet) {
    assertThat(view.wrap(input, offset, length)).isTrue();
    RtpHeader header = packet.header();
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.marker()).isEqualTo(header.marker());
    assertThat(view.payloadType()).isEqualTo(header.payloadType());
    assertThat(view.sequenceNumber()).isEqualTo(header.sequenceNumber());
    assertThat(view.timestamp()).isEqualTo(header.timestamp());
    assertThat(view.ssrc()).isEqualTo(header.ssrc());
    assertThat(view.csrcCount()).isEqualTo(header.csrcs().size());
    for (int i = 0; i < view.csrcCount(); i++) {
      assertThat(view.csrc(i)).isEqualTo(header.csrcs().get(i));
    }
    assertThat(view.hasExtension()).isEqualTo(header.hasExtension());
    if (header.hasExtension()) {
      assertThat(view.extensionProfile()).isEqualTo(header.extension().profile());
    }
    assertThat(view.paddingLength()).isEqualTo(packet.paddingLength());
    assertThat(view.hasPadding()).isEqualTo(packet.paddingLength() > 0);
    assertThat(view.payloadLength()).isEqualTo(packet.payloadLength());
    assertThat(
            Arrays.copyOfRange(
                input, view.payloadOffset(), view.payloadOffset() + view.payloadLength()))
        .isEqualTo(packet.payload());
  }

  /**
   * Inputs that reach every check: pure noise, noise with version 2 and small CSRC counts, and
   * valid packets with bytes flipped or cut off.
   */
  private static byte[] randomInput(Random random) {
    int kind = random.nextInt(4);
    if (kind == 0) {
      return noise(random, random.nextInt(48));
    }
    if (kind == 1) {
      byte[] bytes = noise(random, random.nextInt(64));
      if (bytes.length > 0) {
        bytes[0] = (byte) (0x80 | (bytes[0] & 0x30) | random.nextInt(3));
      }
      if (bytes.length > 13 && (bytes[0] & 0x10) != 0 && random.nextBoolean()) {
        int extension = 12 + 4 * (bytes[0] & 0x0F);
        if (extension + 4 <= bytes.length) {
          int profile = random.nextBoolean() ? 0xBEDE : 0x1000 | random.nextInt(16);
          bytes[extension] = (byte) (profile >>> 8);
          bytes[extension + 1] = (byte) profile;
          bytes[extension + 2] = 0;
          bytes[extension + 3] = (byte) random.nextInt(4);
        }
      }
      return bytes;
    }
    byte[] bytes = RtpRandom.randomPacket(random).serialize();
    if (kind == 2) {
      return bytes;
    }
    int flips = 1 + random.nextInt(3);
    for (int i = 0; i < flips && bytes.length > 0; i++) {
      bytes[random.nextInt(Math.min(bytes.length, 40))] ^= (byte) (1 << random.nextInt(8));
    }
    return random.nextBoolean() ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
  }

  private static byte[] noise(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
