package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Creation, DTLS-SRTP roles, ByteBuffers, counters and API misuse. */
class SrtpContextTest {

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void wrongKeyOrSaltLengthsAreRefusedAtCreation(SrtpProfile profile) {
    byte[] key = Fixtures.masterKey(profile);
    byte[] salt = Fixtures.masterSalt(profile);
    byte[] shortKey = Arrays.copyOf(key, key.length - 1);
    byte[] longSalt = Arrays.copyOf(salt, salt.length + 2);

    assertThatThrownBy(() -> SrtpContext.outbound(profile, shortKey, salt, SrtpOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master key");
    assertThatThrownBy(() -> SrtpContext.inbound(profile, key, longSalt, SrtpOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master salt");
    assertThatThrownBy(() -> SrtpContext.inbound(profile, key, salt, null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void eachDtlsRoleReadsWhatTheOtherWrites(SrtpProfile profile) {
    byte[] exported = new byte[profile.keyingMaterialLength()];
    for (int i = 0; i < exported.length; i++) {
      exported[i] = (byte) (i * 7 + 1);
    }
    SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(profile, exported);
    SrtpContext clientOut = SrtpContext.outbound(keys, true, SrtpOptions.defaults());
    SrtpContext serverIn = SrtpContext.inbound(keys, false, SrtpOptions.defaults());
    SrtpContext clientIn = SrtpContext.inbound(keys, true, SrtpOptions.defaults());
    SrtpContext serverOut = SrtpContext.outbound(keys, false, SrtpOptions.defaults());

    byte[] fromClient = Fixtures.protectRtp(clientOut, Fixtures.rtp(1, 1, 50));
    byte[] fromServer = Fixtures.protectRtp(serverOut, Fixtures.rtp(2, 1, 50));

    assertThat(Fixtures.unprotectRtp(serverIn, fromClient)).isEqualTo(SrtpStatus.OK);
    assertThat(Fixtures.unprotectRtp(clientIn, fromServer)).isEqualTo(SrtpStatus.OK);
    assertThat(Fixtures.unprotectRtp(clientIn, fromClient)).isEqualTo(SrtpStatus.AUTH_FAILED);
    assertThat(clientOut.profile()).isEqualTo(profile);
    assertThat(clientOut.isOutbound()).isTrue();
    assertThat(clientIn.isOutbound()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void overheadIsTheTagAndForSrtcpTheIndexToo(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());

    assertThat(out.rtpOverhead()).isEqualTo(profile.rtpTagLength());
    assertThat(out.rtcpOverhead()).isEqualTo(4 + profile.rtcpTagLength());
  }

  static Stream<Arguments> buffers() {
    return Stream.of(SrtpProfile.values()).flatMap(profile -> Stream.of(
        Arguments.of(profile, "heap"), Arguments.of(profile, "heap slice"),
        Arguments.of(profile, "direct")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("buffers")
  void byteBuffersRoundTripAndMoveTheLimit(SrtpProfile profile, String kind) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    byte[] rtp = Fixtures.rtp(Fixtures.SSRC, 9, 300);
    byte[] rtcp = Fixtures.rtcp(Fixtures.SSRC);
    ByteBuffer rtpBuffer = buffer(kind, rtp);
    ByteBuffer rtcpBuffer = buffer(kind, rtcp);
    byte[] expected = Fixtures.protectRtp(
        Fixtures.outbound(profile, SrtpOptions.defaults()), rtp);

    assertThat(out.protectRtp(rtpBuffer)).isEqualTo(SrtpStatus.OK);
    assertThat(rtpBuffer.remaining()).isEqualTo(rtp.length + out.rtpOverhead());
    assertThat(rtpBuffer.duplicate()).isEqualTo(ByteBuffer.wrap(expected));
    assertThat(out.protectRtcp(rtcpBuffer)).isEqualTo(SrtpStatus.OK);
    assertThat(rtcpBuffer.remaining()).isEqualTo(rtcp.length + out.rtcpOverhead());

    assertThat(in.unprotectRtp(rtpBuffer)).isEqualTo(SrtpStatus.OK);
    assertThat(rtpBuffer).isEqualTo(ByteBuffer.wrap(rtp));
    assertThat(in.unprotectRtcp(rtcpBuffer)).isEqualTo(SrtpStatus.OK);
    assertThat(rtcpBuffer).isEqualTo(ByteBuffer.wrap(rtcp));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aByteBufferWithoutRoomIsBufferTooSmall(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    byte[] rtp = Fixtures.rtp(Fixtures.SSRC, 9, 30);
    ByteBuffer direct = ByteBuffer.allocateDirect(rtp.length + out.rtpOverhead() - 1);
    direct.put(rtp).flip();

    assertThat(out.protectRtp(direct)).isEqualTo(SrtpStatus.BUFFER_TOO_SMALL);
    assertThat(direct.limit()).isEqualTo(rtp.length);
    assertThat(out.protectRtp(ByteBuffer.wrap(rtp))).isEqualTo(SrtpStatus.BUFFER_TOO_SMALL);
  }

  @Test
  void readOnlyBuffersAreRefused() {
    SrtpContext out = Fixtures.outbound(SrtpProfile.AEAD_AES_128_GCM, SrtpOptions.defaults());
    ByteBuffer readOnly = ByteBuffer.wrap(new byte[100]).asReadOnlyBuffer();

    assertThatThrownBy(() -> out.protectRtp(readOnly)).isInstanceOf(ReadOnlyBufferException.class);
  }

  static Stream<Arguments> misuse() {
    byte[] b = new byte[64];
    return Stream.of(
        Arguments.of(true, "unprotectRtp", (Consumer<SrtpContext>) c -> c.unprotectRtp(b, 0, 40)),
        Arguments.of(true, "unprotectRtcp", (Consumer<SrtpContext>) c -> c.unprotectRtcp(b, 0, 40)),
        Arguments.of(true, "unprotectRtp",
            (Consumer<SrtpContext>) c -> c.unprotectRtp(ByteBuffer.wrap(b))),
        Arguments.of(true, "unprotectRtcp",
            (Consumer<SrtpContext>) c -> c.unprotectRtcp(ByteBuffer.wrap(b))),
        Arguments.of(false, "protectRtp", (Consumer<SrtpContext>) c -> c.protectRtp(b, 0, 40)),
        Arguments.of(false, "protectRtcp", (Consumer<SrtpContext>) c -> c.protectRtcp(b, 0, 40)),
        Arguments.of(false, "protectRtp",
            (Consumer<SrtpContext>) c -> c.protectRtp(ByteBuffer.wrap(b))),
        Arguments.of(false, "protectRtcp",
            (Consumer<SrtpContext>) c -> c.protectRtcp(ByteBuffer.wrap(b))));
  }

  @ParameterizedTest(name = "{1} on outbound={0}")
  @MethodSource("misuse")
  void callingTheOtherDirectionIsAnIllegalState(boolean outbound, String method,
      Consumer<SrtpContext> call) {
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_32;
    SrtpContext context = outbound ? Fixtures.outbound(profile, SrtpOptions.defaults())
        : Fixtures.inbound(profile, SrtpOptions.defaults());

    assertThatThrownBy(() -> call.accept(context))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(method);
  }

  @Test
  void rangesOutsideTheArrayAreAProgrammingError() {
    SrtpContext out = Fixtures.outbound(SrtpProfile.AEAD_AES_256_GCM, SrtpOptions.defaults());

    assertThatThrownBy(() -> out.protectRtp(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void countersAreASnapshotPerStatus() {
    SrtpContext out = Fixtures.outbound(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpOptions.defaults());
    Fixtures.protectRtp(out, Fixtures.rtp(1, 1, 10));
    Fixtures.protectRtp(out, Fixtures.rtp(1, 2, 10));
    out.protectRtcp(new byte[3], 0, 3);
    SrtpCounters snapshot = out.counters();
    Fixtures.protectRtp(out, Fixtures.rtp(1, 3, 10));

    assertThat(snapshot.rtp(SrtpStatus.OK)).isEqualTo(2);
    assertThat(snapshot.rtcp(SrtpStatus.TOO_SHORT)).isEqualTo(1);
    assertThat(snapshot.dropped()).isEqualTo(1);
    assertThat(snapshot.rtp()).containsOnlyKeys(SrtpStatus.values());
    assertThat(out.counters().rtp(SrtpStatus.OK)).isEqualTo(3);
    assertThat(out.rolloverCounter(1)).hasValue(0);
    assertThat(out.rolloverCounter(2)).isEmpty();
    assertThat(out.toString()).contains("AES128_CM_HMAC_SHA1_80", "outbound");
  }

  private static ByteBuffer buffer(String kind, byte[] content) {
    switch (kind) {
      case "direct":
        return ByteBuffer.allocateDirect(content.length + 40).put(content).flip();
      case "heap slice":
        ByteBuffer big = ByteBuffer.allocate(content.length + 80);
        big.position(17);
        ByteBuffer slice = big.slice();
        slice.put(content).flip();
        return slice;
      default:
        return ByteBuffer.allocate(content.length + 40).put(content).flip();
    }
  }
}
