package org.ortc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtcp.Hex;
import org.ortc4j.rtp.RtpParseException.Reason;

class RtpPacketViewTest {
  /** libwebrtc's rtp_packet_unittest.cc kPacket: CSRCs, a one-byte extension, 8 bytes of padding. */
  private static final String WEBRTC_PACKET =
      """
      b2 64 1234 65431278 12345678   # P=1 X=1 CC=2, PT=100
      34567890 32435465              # CSRCs
      bede 0001 12 0056ce            # id 1: transmission offset
      7061796c6f6164                 # "payload"
      70616464696e67 08              # "padding", count 8
      """;

  @Test
  void readsEveryFieldOfAWrappedPacket() {
    byte[] buffer = Hex.bytes("ffff" + WEBRTC_PACKET.replaceAll("#[^\n]*", "") + "ffff");
    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(buffer, 2, buffer.length - 4)).isTrue();
    assertThat(view.isWrapped()).isTrue();
    assertThat(view.buffer()).isSameAs(buffer);
    assertThat(view.offset()).isEqualTo(2);
    assertThat(view.length()).isEqualTo(43);
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.hasPadding()).isTrue();
    assertThat(view.hasExtension()).isTrue();
    assertThat(view.csrcCount()).isEqualTo(2);
    assertThat(view.csrc(0)).isEqualTo(0x34567890L);
    assertThat(view.csrc(1)).isEqualTo(0x32435465L);
    assertThat(view.marker()).isFalse();
    assertThat(view.payloadType()).isEqualTo(100);
    assertThat(view.sequenceNumber()).isEqualTo(0x1234);
    assertThat(view.timestamp()).isEqualTo(0x65431278L);
    assertThat(view.ssrc()).isEqualTo(0x12345678L);
    assertThat(view.headerLength()).isEqualTo(28);
    assertThat(view.payloadOffset()).isEqualTo(30);
    assertThat(view.payloadLength()).isEqualTo(7);
    assertThat(view.paddingLength()).isEqualTo(8);
    assertThat(view.extensionProfile()).isEqualTo(0xBEDE);
    assertThat(view.extensionOffset()).isEqualTo(2 + 24);
    assertThat(view.extensionLength()).isEqualTo(4);
  }

  @Test
  void readsAPlainPacket() {
    byte[] buffer = Hex.bytes("80 e0 ffff ffffffff 80000000 0102");
    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(buffer, 0, buffer.length)).isTrue();
    assertThat(view.hasPadding()).isFalse();
    assertThat(view.hasExtension()).isFalse();
    assertThat(view.csrcCount()).isZero();
    assertThat(view.marker()).isTrue();
    assertThat(view.payloadType()).isEqualTo(96);
    assertThat(view.sequenceNumber()).isEqualTo(65535);
    assertThat(view.timestamp()).isEqualTo(0xffffffffL);
    assertThat(view.ssrc()).isEqualTo(0x80000000L);
    assertThat(view.paddingLength()).isZero();
    assertThat(view.payloadOffset()).isEqualTo(12);
    assertThat(view.payloadLength()).isEqualTo(2);
    assertThat(view.extensionProfile()).isEqualTo(-1);
    assertThat(view.extensionOffset()).isEqualTo(-1);
    assertThat(view.extensionLength()).isZero();
  }

  @Test
  void settersPatchTheBufferInPlaceAndLeaveTheOtherBitsAlone() throws Exception {
    byte[] buffer = Hex.bytes(WEBRTC_PACKET);
    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(buffer, 0, buffer.length)).isTrue();
    view.setMarker(true).setSequenceNumber(0xfffe).setTimestamp(0xfedcba98L).setSsrc(0xffffffffL);
    assertThat(view.marker()).isTrue();
    assertThat(view.payloadType()).as("the marker leaves the payload type").isEqualTo(100);
    view.setPayloadType(127);
    assertThat(view.marker()).as("the payload type leaves the marker").isTrue();
    view.setPayloadType(0).setMarker(false);
    assertThat(view.payloadType()).isZero();
    assertThat(view.marker()).isFalse();
    view.setMarker(true).setPayloadType(96);
    assertThat(
            Hex.of(buffer)
                .startsWith("b2" + "e0" + "fffe" + "fedcba98" + "ffffffff" + "34567890"))
        .isTrue();

    RtpPacket patched = RtpPacket.parse(buffer);
    assertThat(patched.header().marker()).isTrue();
    assertThat(patched.header().payloadType()).isEqualTo(96);
    assertThat(patched.header().sequenceNumber()).isEqualTo(0xfffe);
    assertThat(patched.header().timestamp()).isEqualTo(0xfedcba98L);
    assertThat(patched.header().ssrc()).isEqualTo(0xffffffffL);
    assertThat(patched.header().csrcs()).containsExactly(0x34567890L, 0x32435465L);
    assertThat(patched.paddingLength()).isEqualTo(8);
    assertThat(view.toPacket()).isEqualTo(patched);
  }

  @Test
  void settersRejectValuesOutOfRangeWithoutWriting() {
    byte[] buffer = Hex.bytes("80 60 0001 00000002 00000003");
    byte[] before = buffer.clone();
    RtpPacketView view = new RtpPacketView();
    view.wrap(buffer, 0, buffer.length);
    List<Consumer<RtpPacketView>> bad =
        List.of(
            v -> v.setPayloadType(128),
            v -> v.setPayloadType(-1),
            v -> v.setSequenceNumber(65536),
            v -> v.setSequenceNumber(-1),
            v -> v.setTimestamp(1L << 32),
            v -> v.setTimestamp(-1),
            v -> v.setSsrc(1L << 32),
            v -> v.setSsrc(-1));
    for (Consumer<RtpPacketView> setter : bad) {
      assertThatThrownBy(() -> setter.accept(view)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(buffer).isEqualTo(before);
  }

  @Test
  void csrcIndexIsChecked() {
    byte[] buffer = Hex.bytes("81 60 0001 00000002 00000003 00000004");
    RtpPacketView view = new RtpPacketView();
    view.wrap(buffer, 0, buffer.length);
    assertThat(view.csrc(0)).isEqualTo(4);
    assertThatThrownBy(() -> view.csrc(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> view.csrc(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aFailedWrapLeavesTheViewEmpty() {
    byte[] good = Hex.bytes("80 60 0001 00000002 00000003");
    byte[] bad = Hex.bytes("40 60 0001 00000002 00000003");
    RtpPacketView view = new RtpPacketView();
    assertThat(view.isWrapped()).isFalse();
    assertThat(view.wrap(good, 0, good.length)).isTrue();
    assertThat(view.wrap(bad, 0, bad.length)).isFalse();
    assertThat(view.isWrapped()).isFalse();
    List<Consumer<RtpPacketView>> accessors =
        List.of(
            RtpPacketView::buffer,
            RtpPacketView::offset,
            RtpPacketView::length,
            RtpPacketView::version,
            RtpPacketView::hasPadding,
            RtpPacketView::hasExtension,
            RtpPacketView::csrcCount,
            v -> v.csrc(0),
            RtpPacketView::marker,
            RtpPacketView::payloadType,
            RtpPacketView::sequenceNumber,
            RtpPacketView::timestamp,
            RtpPacketView::ssrc,
            RtpPacketView::headerLength,
            RtpPacketView::payloadOffset,
            RtpPacketView::payloadLength,
            RtpPacketView::paddingLength,
            RtpPacketView::extensionProfile,
            RtpPacketView::extensionOffset,
            RtpPacketView::extensionLength,
            v -> v.setMarker(true),
            v -> v.setPayloadType(1),
            v -> v.setSequenceNumber(1),
            v -> v.setTimestamp(1),
            v -> v.setSsrc(1),
            v -> {
              try {
                v.toPacket();
              } catch (RtpParseException e) {
                throw new AssertionError(e);
              }
            });
    for (Consumer<RtpPacketView> accessor : accessors) {
      assertThatThrownBy(() -> accessor.accept(view))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wraps no packet");
    }
    assertThat(view.wrap(good, 0, good.length)).isTrue();
    view.clear();
    assertThat(view.isWrapped()).isFalse();
  }

  @Test
  void wrapFramingAcceptsMalformedElementsThatWrapRejects() {
    byte[] duplicate =
        Hex.bytes(
            """
            90 60 0001 00000002 00000003
            bede 0001 10 aa 10 bb      # id 1 twice
            0102                       # payload
            """);
    int code = RtpPacketView.validate(duplicate, 0, duplicate.length);
    assertThat(RtpPacketView.reason(code)).isEqualTo(Reason.BAD_EXTENSION);
    assertThat(RtpPacketView.describe(code)).contains("share an id");
    assertThat(RtpPacketView.validateFraming(duplicate, 0, duplicate.length)).isEqualTo(20);

    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(duplicate, 0, duplicate.length)).isFalse();
    assertThat(view.wrapFraming(duplicate, 0, duplicate.length)).isTrue();
    assertThat(view.payloadLength()).isEqualTo(2);
    assertThat(view.extensionLength()).isEqualTo(4);
    assertThatThrownBy(view::toPacket)
        .isInstanceOfSatisfying(
            RtpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_EXTENSION));

    byte[] badPadding = Hex.bytes("a0 60 0001 00000002 00000003 00");
    assertThat(view.wrapFraming(badPadding, 0, badPadding.length)).isFalse();
    assertThat(RtpPacketView.reason(RtpPacketView.validateFraming(badPadding, 0, badPadding.length)))
        .isEqualTo(Reason.BAD_PADDING);
  }

  @Test
  void everyFailureCodeHasAReasonAndWords() {
    int[] codes = {-1, -2, -3, -4, -5, -6, -7, -8, -9};
    for (int code : codes) {
      assertThat(RtpPacketView.reason(code)).isNotNull();
      assertThat(RtpPacketView.describe(code)).isNotBlank();
    }
    assertThat(RtpPacketView.reason(-1)).isEqualTo(Reason.TOO_SHORT);
    assertThat(RtpPacketView.reason(-2)).isEqualTo(Reason.BAD_VERSION);
    assertThat(RtpPacketView.reason(-3)).isEqualTo(Reason.BAD_CSRC_COUNT);
    assertThat(RtpPacketView.reason(-9)).isEqualTo(Reason.BAD_PADDING);
    assertThatThrownBy(() -> RtpPacketView.reason(12)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpPacketView.reason(-10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpPacketView.describe(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validateRejectsRangesOutsideTheBuffer() {
    byte[] buffer = new byte[12];
    RtpPacketView view = new RtpPacketView();
    assertThatThrownBy(() -> RtpPacketView.validate(buffer, 1, 12))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpPacketView.validateFraming(null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> view.wrap(buffer, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void structureIsCapturedAtWrapSoRewrittenBytesCannotMoveTheViewOutOfRange() {
    byte[] buffer = Hex.bytes("80 60 0001 00000002 00000003");
    RtpPacketView view = new RtpPacketView();
    assertThat(view.wrap(buffer, 0, buffer.length)).isTrue();
    buffer[0] = (byte) 0xbf; // P=1 X=1 CC=15 behind the view's back
    assertThat(view.csrcCount()).isZero();
    assertThat(view.hasExtension()).isFalse();
    assertThat(view.hasPadding()).isFalse();
    assertThat(view.payloadLength()).isZero();
    assertThatThrownBy(() -> view.csrc(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
