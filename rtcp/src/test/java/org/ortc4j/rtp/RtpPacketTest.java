package org.ortc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.Hex;
import org.ortc4j.rtp.RtpParseException.Reason;

class RtpPacketTest {
  /*
   * Fixtures marked "libwebrtc" are the byte arrays of
   * webrtc/modules/rtp_rtcp/source/rtp_packet_unittest.cc (PT 100, sequence 0x1234, timestamp
   * 0x65431278, SSRC 0x12345678, audio level 0x5a). Fixtures marked "Pion" are those of
   * pion/rtp packet_test.go (marker, PT 96, sequence 27023, timestamp 3653407706, SSRC 476325762,
   * payload 98 36 be 88 9e).
   */
  private static final byte[] PION_PAYLOAD = Hex.bytes("98 36 be 88 9e");

  private static RtpHeader webrtc(List<Long> csrcs, RtpHeaderExtension extension) {
    return new RtpHeader(false, 100, 0x1234, 0x65431278L, 0x12345678L, csrcs, extension);
  }

  private static RtpHeader webrtc(RtpHeaderExtension extension) {
    return webrtc(List.of(), extension);
  }

  private static RtpHeader pion(RtpHeaderExtension extension) {
    return new RtpHeader(true, 96, 27023, 3653407706L, 476325762L, List.of(), extension);
  }

  private static RtpExtensionElement element(int id, String hex) {
    return new RtpExtensionElement(id, Hex.bytes(hex));
  }

  private static RtpHeaderExtension oneByte(RtpExtensionElement... elements) {
    return RtpHeaderExtension.oneByte(List.of(elements));
  }

  private static RtpHeaderExtension twoByte(RtpExtensionElement... elements) {
    return RtpHeaderExtension.twoByte(0, List.of(elements));
  }

  private static final RtpExtensionElement TRANSMISSION_OFFSET = element(1, "00 56 ce");
  private static final RtpExtensionElement AUDIO_LEVEL = element(9, "da");
  private static final RtpExtensionElement PLAYOUT_DELAY = element(0xf0, "00 30 22");

  static Stream<Arguments> canonicalPackets() {
    return Stream.of(
        arguments(
            "minimum packet (libwebrtc kMinimumPacket)",
            """
            80 64 1234   # V=2 P=0 X=0 CC=0, M=0 PT=100, sequence 0x1234
            65431278     # timestamp
            12345678     # SSRC
            """,
            new RtpPacket(webrtc(null), new byte[0])),
        arguments(
            "marker and payload",
            """
            80 e0 ffff   # M=1 PT=96, sequence 65535
            ffffffff     # timestamp 2^32-1
            fffffffe     # SSRC 2^32-2
            deadbeef 01  # payload
            """,
            new RtpPacket(
                new RtpHeader(true, 96, 65535, 0xffffffffL, 0xfffffffeL), Hex.bytes("deadbeef01"))),
        arguments(
            "two CSRCs (libwebrtc kCsrcs) and a payload",
            """
            82 64 1234 65431278 12345678   # CC=2
            34567890 32435465              # CSRCs
            7061796c6f6164                 # "payload"
            """,
            new RtpPacket(webrtc(List.of(0x34567890L, 0x32435465L), null), Hex.bytes("7061796c6f6164"))),
        arguments(
            "fifteen CSRCs",
            """
            8f 00 0000 00000000 00000000   # CC=15, PT=0
            00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008
            00000009 0000000a 0000000b 0000000c 0000000d 0000000e 0000000f
            """,
            new RtpPacket(
                new RtpHeader(false, 0, 0, 0, 0, LongStream.rangeClosed(1, 15).boxed().toList(), null),
                new byte[0])),
        arguments(
            "padding of three bytes",
            """
            a0 60 0001 00000000 00000001   # P=1
            0102                           # payload
            0000 03                        # padding: zeros, then the count (3)
            """,
            new RtpPacket(new RtpHeader(false, 96, 1, 0, 1), Hex.bytes("0102"), 3)),
        arguments(
            "padding only: an empty payload and one byte of padding",
            """
            a0 60 0001 00000000 00000001   # P=1
            01                             # padding count 1: the count byte alone
            """,
            new RtpPacket(new RtpHeader(false, 96, 1, 0, 1), new byte[0], 1)),
        arguments(
            "one-byte extension: transmission offset (libwebrtc kPacketWithTO)",
            """
            90 64 1234 65431278 12345678   # X=1
            bede 0001                      # one-byte form, 1 word
            12 0056ce                      # id 1, L=2: 3 bytes
            """,
            new RtpPacket(webrtc(oneByte(TRANSMISSION_OFFSET)), new byte[0])),
        arguments(
            "one-byte extension: offset and audio level (libwebrtc kPacketWithTOAndAL)",
            """
            90 64 1234 65431278 12345678
            bede 0002
            12 0056ce    # id 1: 3 bytes
            90 da        # id 9, L=0: 1 byte (voice activity flag and level 0x5a)
            0000         # padding to the word boundary
            """,
            new RtpPacket(webrtc(oneByte(TRANSMISSION_OFFSET, AUDIO_LEVEL)), new byte[0])),
        arguments(
            "one-byte extension: RID (libwebrtc kPacketWithRsid)",
            """
            90 64 1234 65431278 12345678
            bede 0003
            a7 73747265616d6964   # id 10, L=7: "streamid"
            000000
            """,
            new RtpPacket(webrtc(oneByte(element(10, "73747265616d6964"))), new byte[0])),
        arguments(
            "one-byte extension: MID (libwebrtc kPacketWithMid)",
            """
            90 64 1234 65431278 12345678
            bede 0001
            b2 6d6964   # id 11, L=2: "mid"
            """,
            new RtpPacket(webrtc(oneByte(element(11, "6d6964"))), new byte[0])),
        arguments(
            "one-byte extension, one element (Pion TestRFC8285OneByteExtension)",
            """
            90 e0 698f d9c293da 1c642782   # X=1 M=1 PT=96
            bede 0001 50 aa 0000           # id 5: aa, then padding
            9836be889e
            """,
            new RtpPacket(pion(oneByte(element(5, "aa"))), PION_PAYLOAD)),
        arguments(
            "one-byte extension, two elements (Pion TestRFC8285OneByteTwoExtensionOfTwoBytes)",
            """
            90 e0 698f d9c293da 1c642782
            bede 0001 10 aa 20 bb   # id 1: aa, id 2: bb
            9836be889e
            """,
            new RtpPacket(pion(oneByte(element(1, "aa"), element(2, "bb"))), PION_PAYLOAD)),
        arguments(
            "one-byte extension, elements of 1, 2 and 4 bytes (Pion TestRFC8285OneByteMultipleExtensions)",
            """
            90 e0 698f d9c293da 1c642782
            bede 0003
            10 aa         # id 1, L=0
            21 bbbb       # id 2, L=1
            33 cccccccc   # id 3, L=3
            0000
            9836be889e
            """,
            new RtpPacket(
                pion(oneByte(element(1, "aa"), element(2, "bbbb"), element(3, "cccccccc"))),
                PION_PAYLOAD)),
        arguments(
            "one-byte extension without elements",
            """
            90 64 1234 65431278 12345678
            bede 0000   # X=1 but no content
            """,
            new RtpPacket(webrtc(oneByte()), new byte[0])),
        arguments(
            "two-byte extension (libwebrtc kPacketWithTwoByteHeaderExtension)",
            """
            90 64 1234 65431278 12345678
            1000 0002        # two-byte form, appbits 0, 2 words
            f0 03 0056ce     # id 240, 3 bytes
            000000           # padding to the word boundary
            """,
            new RtpPacket(webrtc(twoByte(element(0xf0, "0056ce"))), new byte[0])),
        arguments(
            "two-byte extension, 41-byte element (libwebrtc kPacketWithLongTwoByteHeaderExtension)",
            """
            90 64 1234 65431278 12345678
            1000 000b
            f0 29   # id 240, 41 bytes: "extra-long string to test two-byte header"
            65787472 612d6c6f 6e672073 7472696e 6720746f 20746573 74207477 6f2d6279 74652068
            65616465 72
            00
            """,
            new RtpPacket(
                webrtc(
                    twoByte(
                        element(
                            0xf0,
                            "65787472612d6c6f6e6720737472696e6720746f2074657374207477"
                                + "6f2d62797465206865616465 72"))),
                new byte[0])),
        arguments(
            "two-byte extension, two-byte id last (libwebrtc kPacketWithTwoByteExtensionIdLast)",
            """
            90 64 1234 65431278 12345678
            1000 0004
            01 03 0056ce   # transmission offset
            09 01 da       # audio level
            f0 03 003022   # playout delay 30..340 ms
            000000
            """,
            new RtpPacket(
                webrtc(twoByte(TRANSMISSION_OFFSET, AUDIO_LEVEL, PLAYOUT_DELAY)), new byte[0])),
        arguments(
            "two-byte extension, two-byte id first (libwebrtc kPacketWithTwoByteExtensionIdFirst)",
            """
            90 64 1234 65431278 12345678
            1000 0004
            f0 03 003022
            01 03 0056ce
            09 01 da
            000000
            """,
            new RtpPacket(
                webrtc(twoByte(PLAYOUT_DELAY, TRANSMISSION_OFFSET, AUDIO_LEVEL)), new byte[0])),
        arguments(
            "two-byte extension, 24-byte element (Pion TestRFC8285TwoByteExtension)",
            """
            90 e0 698f d9c293da 1c642782
            1000 0007
            05 18   # id 5, 24 bytes
            aaaaaaaa aaaaaaaa aaaaaaaa aaaaaaaa aaaaaaaa aaaaaaaa
            0000
            9836be889e
            """,
            new RtpPacket(pion(twoByte(element(5, "aa".repeat(24)))), PION_PAYLOAD)),
        arguments(
            "two-byte extension with an empty element (Pion ...TwoByteMultipleExtensionsWithLargeExtension)",
            """
            90 e0 698f d9c293da 1c642782
            1000 0006
            01 00      # id 1, no data
            02 01 bb   # id 2, 1 byte
            03 11      # id 3, 17 bytes
            cccccccc cccccccc cccccccc cccccccc cc
            9836be889e
            """,
            new RtpPacket(
                pion(twoByte(element(1, ""), element(2, "bb"), element(3, "cc".repeat(17)))),
                PION_PAYLOAD)),
        arguments(
            "two-byte extension with application bits 0xf",
            """
            90 64 1234 65431278 12345678
            100f 0001        # 0x100, appbits 1111
            c8 01 aa 00      # id 200, 1 byte, padding
            """,
            new RtpPacket(
                webrtc(RtpHeaderExtension.twoByte(15, List.of(element(200, "aa")))), new byte[0])),
        arguments(
            "generic extension, profile 1 (Pion TestBasic)",
            """
            90 e0 698f d9c293da 1c642782
            0001 0001    # profile-defined 0x0001, 1 word
            ffffffff     # kept raw
            9836be889e
            """,
            new RtpPacket(
                pion(RtpHeaderExtension.generic(1, Hex.bytes("ffffffff"))), PION_PAYLOAD)),
        arguments(
            "generic extension without content",
            """
            90 64 1234 65431278 12345678
            abcd 0000
            """,
            new RtpPacket(webrtc(RtpHeaderExtension.generic(0xabcd, new byte[0])), new byte[0])),
        arguments(
            "everything at once: marker, CSRC, one-byte extension, payload, padding",
            """
            b1 ff 8000 80000000 00000001   # P=1 X=1 CC=1, M=1 PT=127
            cafebabe                       # CSRC
            bede 0005
            1f 000102030405060708090a0b0c0d0e0f   # id 1, L=15: 16 bytes
            e0 ff                                 # id 14, 1 byte
            00
            0102                                  # payload
            00000000 05                           # padding of 5
            """,
            new RtpPacket(
                new RtpHeader(
                    true,
                    127,
                    0x8000,
                    0x80000000L,
                    1,
                    List.of(0xcafebabeL),
                    oneByte(element(1, "000102030405060708090a0b0c0d0e0f"), element(14, "ff"))),
                Hex.bytes("0102"),
                5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalPackets")
  void parsesCanonicalPacketsAndSerializesThemBack(String name, String hex, RtpPacket expected)
      throws Exception {
    byte[] wire = Hex.bytes(hex);
    assertThat(RtpPacket.parse(wire)).isEqualTo(expected);
    assertThat(Hex.of(expected.serialize())).isEqualTo(Hex.of(wire));
    assertThat(expected.serializedLength()).isEqualTo(wire.length);
    assertThat(RtpPacketView.validate(wire, 0, wire.length))
        .isEqualTo(expected.header().headerLength());
  }

  static Stream<Arguments> nonCanonicalPackets() {
    return Stream.of(
        arguments(
            "padding bytes that are not zero (libwebrtc kPacket)",
            """
            b2 64 1234 65431278 12345678   # P=1 X=1 CC=2
            34567890 32435465
            bede 0001 12 0056ce
            7061796c6f6164                 # "payload"
            70616464696e67 08              # "padding", count 8
            """,
            new RtpPacket(
                webrtc(List.of(0x34567890L, 0x32435465L), oneByte(TRANSMISSION_OFFSET)),
                Hex.bytes("7061796c6f6164"),
                8),
            """
            b2 64 1234 65431278 12345678 34567890 32435465 bede 0001 12 0056ce
            7061796c6f6164
            00000000000000 08              # padding written as zeros
            """),
        arguments(
            "RFC 8285 §4.2 example, padding between elements (Pion ...OneByteMultipleExtensionsWithPadding)",
            """
            90 e0 698f d9c293da 1c642782
            bede 0003
            10 aa  21 bbbb  00 00   # two padding bytes before the third element
            33 cccccccc
            9836be889e
            """,
            new RtpPacket(
                pion(oneByte(element(1, "aa"), element(2, "bbbb"), element(3, "cccccccc"))),
                PION_PAYLOAD),
            """
            90 e0 698f d9c293da 1c642782
            bede 0003 10 aa 21 bbbb 33 cccccccc 0000   # padding moved to the end (as Pion does)
            9836be889e
            """),
        arguments(
            "RFC 8285 §4.3 example, padding between elements (Pion ...TwoByteMultipleExtensionsWithPadding)",
            """
            90 e0 698f d9c293da 1c642782
            1000 0003
            01 00  02 01 bb  00  03 04 cccccccc
            9836be889e
            """,
            new RtpPacket(
                pion(twoByte(element(1, ""), element(2, "bb"), element(3, "cccccccc"))),
                PION_PAYLOAD),
            """
            90 e0 698f d9c293da 1c642782
            1000 0003 01 00 02 01 bb 03 04 cccccccc 00
            9836be889e
            """),
        arguments(
            "two-byte padding between elements (libwebrtc kPacketWithTwoByteHeaderExtensionWithPadding)",
            """
            90 64 1234 65431278 12345678
            1000 0003
            f0 03 0056ce 000000   # three padding bytes
            09 01 da 00
            """,
            new RtpPacket(webrtc(twoByte(element(0xf0, "0056ce"), AUDIO_LEVEL)), new byte[0]),
            """
            90 64 1234 65431278 12345678
            1000 0002 f0 03 0056ce 09 01 da
            """),
        arguments(
            "a byte with id 0 and L=2 ends processing (libwebrtc kPacketWithTOAndALInvalidPadding)",
            """
            90 64 1234 65431278 12345678
            bede 0003
            12 0056ce
            00 02 0000   # 00 is padding; 02 is id 0 with a length: not padding, stop here
            90 da 0000   # ignored
            """,
            new RtpPacket(webrtc(oneByte(TRANSMISSION_OFFSET)), new byte[0]),
            """
            90 64 1234 65431278 12345678
            bede 0001 12 0056ce
            """),
        arguments(
            "id 15 ends processing (libwebrtc kPacketWithTOAndALReservedExtensionId)",
            """
            90 64 1234 65431278 12345678
            bede 0003
            12 0056ce
            00 f0 0000   # id 15: RFC 8285 §4.2 says stop
            90 da 0000   # ignored, and so is a duplicate id after it
            """,
            new RtpPacket(webrtc(oneByte(TRANSMISSION_OFFSET)), new byte[0]),
            """
            90 64 1234 65431278 12345678
            bede 0001 12 0056ce
            """),
        arguments(
            "a whole word of trailing padding",
            """
            90 64 1234 65431278 12345678
            bede 0002 10 aa 0000 00000000
            """,
            new RtpPacket(webrtc(oneByte(element(1, "aa"))), new byte[0]),
            """
            90 64 1234 65431278 12345678
            bede 0001 10 aa 0000
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonCanonicalPackets")
  void parsesNonCanonicalPacketsAndSerializesThemCanonically(
      String name, String hex, RtpPacket expected, String canonicalHex) throws Exception {
    byte[] wire = Hex.bytes(hex);
    byte[] canonical = Hex.bytes(canonicalHex);
    assertThat(RtpPacket.parse(wire)).isEqualTo(expected);
    assertThat(Hex.of(expected.serialize())).isEqualTo(Hex.of(canonical));
    assertThat(RtpPacket.parse(canonical)).isEqualTo(expected);
    assertThat(RtpPacketView.validate(wire, 0, wire.length)).isPositive();
  }

  static Stream<Arguments> malformedPackets() {
    return Stream.of(
        arguments("empty", "", Reason.TOO_SHORT),
        arguments("eleven bytes", "80 64 1234 65431278 123456", Reason.TOO_SHORT),
        arguments(
            "eleven bytes of a bad version: length is checked first", "00 00 0000 00000000 000000",
            Reason.TOO_SHORT),
        arguments(
            "version 0 (Pion TestRoundtrip's bytes)",
            "00 10 2345 12344567 ccddeeff 00112233 44556677",
            Reason.BAD_VERSION),
        arguments("version 1", "40 00 0000 00000000 00000000", Reason.BAD_VERSION),
        arguments("version 3", "c0 00 0000 00000000 00000000", Reason.BAD_VERSION),
        arguments("CC=1 without the CSRC", "81 00 0000 00000000 00000000", Reason.BAD_CSRC_COUNT),
        arguments(
            "CC=2 with one CSRC and 3 more bytes",
            "82 00 0000 00000000 00000000 00000001 000000",
            Reason.BAD_CSRC_COUNT),
        arguments(
            "CC=15 with fourteen CSRCs",
            "8f 00 0000 00000000 00000000" + " 00000000".repeat(14),
            Reason.BAD_CSRC_COUNT),
        arguments(
            "X=1 without the extension (Pion missingExtensionPkt)",
            "90 60 698f d9c293da 1c642782",
            Reason.BAD_EXTENSION),
        arguments(
            "X=1 with half an extension header", "90 60 698f d9c293da 1c642782 bede",
            Reason.BAD_EXTENSION),
        arguments(
            "extension length 0x9999 words past the end (Pion invalidExtensionLengthPkt)",
            "90 60 698f d9c293da 1c642782 9999 9999",
            Reason.BAD_EXTENSION),
        arguments(
            "extension length one word past the end",
            "90 60 698f d9c293da 1c642782 bede 0002 10 aa 0000",
            Reason.BAD_EXTENSION),
        arguments(
            "one-byte element past the end of the extension",
            "90 60 0000 00000000 00000000 bede 0001 13 aabbcc   # L=3: 4 bytes, 3 there",
            Reason.BAD_EXTENSION),
        arguments(
            "one-byte element whose data would run into the payload",
            "90 60 0000 00000000 00000000 bede 0001 00 00 00 1f 0102030405060708",
            Reason.BAD_EXTENSION),
        arguments(
            "two-byte element past the end of the extension",
            "90 60 0000 00000000 00000000 1000 0001 01 03 aabb   # 3 bytes, 2 there",
            Reason.BAD_EXTENSION),
        arguments(
            "two-byte element without its length byte",
            "90 60 0000 00000000 00000000 1000 0001 0000 00 05   # id 5 is the last byte",
            Reason.BAD_EXTENSION),
        arguments(
            "two one-byte elements with the same id",
            "90 60 0000 00000000 00000000 bede 0001 10 aa 10 bb",
            Reason.BAD_EXTENSION),
        arguments(
            "two two-byte elements with the same id above 128",
            "90 60 0000 00000000 00000000 1000 0002 c8 01 aa c8 01 bb 0000",
            Reason.BAD_EXTENSION),
        arguments(
            "two-byte ids 64 and 150 twice each, after 1, 63 and 255 once",
            """
            90 60 0000 00000000 00000000 1000 0003
            01 00  3f 00  ff 00  40 00  96 00   # ids 1, 63, 255, 64, 150: all distinct
            40 00                               # 64 again
            """,
            Reason.BAD_EXTENSION),
        arguments(
            "two-byte id 150 twice",
            "90 60 0000 00000000 00000000 1000 0002 40 00 96 00 c8 00 96 00",
            Reason.BAD_EXTENSION),
        arguments(
            "a bad element is found before bad padding",
            "b0 60 0000 00000000 00000000 bede 0001 10 aa 10 bb 00",
            Reason.BAD_EXTENSION),
        arguments(
            "padding count 0", "a0 60 0000 00000000 00000000 0102 00", Reason.BAD_PADDING),
        arguments(
            "padding count larger than the bytes after the header",
            "a0 60 0000 00000000 00000000 0102 04",
            Reason.BAD_PADDING),
        arguments(
            "P=1 and no byte after the header (the count would be the SSRC's last byte)",
            "a0 60 0000 00000000 00000001",
            Reason.BAD_PADDING),
        arguments(
            "padding count that reaches into the extension",
            "b0 60 0000 00000000 00000000 bede 0001 10 aa 00 00 02",
            Reason.BAD_PADDING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPackets")
  void rejectsMalformedPacketsWithTheirReason(String name, String hex, Reason reason) {
    byte[] wire = Hex.bytes(hex);
    RtpParseException e =
        catchThrowableOfType(RtpParseException.class, () -> RtpPacket.parse(wire));
    assertThat(e).as("parse must fail").isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).startsWith(reason.name() + ": ");
    assertThat(e.getStackTrace()).isEmpty();
    int code = RtpPacketView.validate(wire, 0, wire.length);
    assertThat(code).isNegative();
    assertThat(RtpPacketView.reason(code)).isEqualTo(reason);
  }

  /** Every prefix of a packet fails with the reason of the first part it cuts off. */
  @Test
  void truncatedPacketsFailWithTheReasonOfTheFirstMissingPart() {
    byte[] wire =
        Hex.bytes(
            """
            b2 e0 0001 00000002 00000003   # P=1 X=1 CC=2            bytes 0..11
            0000000a 0000000b              # CSRCs                   bytes 12..19
            bede 0001                      # extension header        bytes 20..23
            10 aa 0000                     # extension content       bytes 24..27
            010203 000003                  # payload, padding        bytes 28..33
            """);
    for (int length = 0; length <= 28; length++) {
      Reason expected =
          length < 12
              ? Reason.TOO_SHORT
              : length < 20
                  ? Reason.BAD_CSRC_COUNT
                  : length < 28 ? Reason.BAD_EXTENSION : Reason.BAD_PADDING;
      int cut = length;
      assertThatThrownBy(() -> RtpPacket.parse(wire, 0, cut))
          .as("prefix of %d bytes", cut)
          .isInstanceOfSatisfying(
              RtpParseException.class, e -> assertThat(e.reason()).isEqualTo(expected));
    }
  }

  @Test
  void parsesAtAnOffsetInsideALargerBuffer() throws Exception {
    byte[] buffer = Hex.bytes("ffff 80 e0 0001 00000002 00000003 aabb ffff");
    RtpPacket packet = RtpPacket.parse(buffer, 2, 14);
    assertThat(packet)
        .isEqualTo(new RtpPacket(new RtpHeader(true, 96, 1, 2, 3), Hex.bytes("aabb")));
    byte[] destination = new byte[20];
    assertThat(packet.serialize(destination, 3)).isEqualTo(14);
    assertThat(Hex.of(destination)).isEqualTo("000000" + "80e0000100000002" + "00000003aabb000000");
  }

  @Test
  void serializeOverwritesWhateverTheDestinationHeld() {
    RtpPacket packet =
        new RtpPacket(
            new RtpHeader(false, 0, 0, 0, 0).withExtension(1, Hex.bytes("aa")), Hex.bytes("bb"), 4);
    byte[] dirty = new byte[packet.serializedLength()];
    java.util.Arrays.fill(dirty, (byte) 0xff);
    packet.serialize(dirty, 0);
    assertThat(Hex.of(dirty)).isEqualTo(Hex.of(packet.serialize()));
    assertThat(Hex.of(dirty))
        .isEqualTo("b0000000" + "00000000" + "00000000" + "bede0001" + "10aa0000" + "bb" + "00000004");
  }

  @Test
  void rejectsRangesOutsideTheBuffer() {
    byte[] buffer = new byte[20];
    assertThatThrownBy(() -> RtpPacket.parse(buffer, -1, 12))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpPacket.parse(buffer, 10, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside a buffer of 20");
    assertThatThrownBy(() -> RtpPacket.parse(buffer, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpPacket.parse(null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    RtpPacket packet = new RtpPacket(new RtpHeader(false, 0, 0, 0, 0), new byte[10]);
    assertThatThrownBy(() -> packet.serialize(buffer, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> packet.serialize(new byte[30], 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorValidatesAndCopies() {
    RtpHeader header = new RtpHeader(false, 0, 0, 0, 0);
    assertThatThrownBy(() -> new RtpPacket(null, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
    assertThatThrownBy(() -> new RtpPacket(header, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload");
    assertThatThrownBy(() -> new RtpPacket(header, new byte[0], 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("padding");
    assertThatThrownBy(() -> new RtpPacket(header, new byte[0], -1))
        .isInstanceOf(IllegalArgumentException.class);

    byte[] payload = Hex.bytes("010203");
    RtpPacket packet = new RtpPacket(header, payload);
    payload[0] = 9;
    packet.payload()[1] = 9;
    assertThat(packet.payload()).isEqualTo(Hex.bytes("010203"));
    assertThat(packet.payloadLength()).isEqualTo(3);
    assertThat(packet.paddingLength()).isZero();
  }

  @Test
  void equalsHashCodeAndToStringLookAtThePayloadBytes() {
    RtpHeader header = new RtpHeader(true, 96, 7, 8, 9);
    RtpPacket a = new RtpPacket(header, Hex.bytes("0102"), 1);
    RtpPacket b = new RtpPacket(header, Hex.bytes("0102"), 1);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new RtpPacket(header, Hex.bytes("0103"), 1));
    assertThat(a).isNotEqualTo(new RtpPacket(header, Hex.bytes("0102"), 2));
    assertThat(a).isNotEqualTo(new RtpPacket(new RtpHeader(true, 96, 7, 8, 10), Hex.bytes("0102"), 1));
    assertThat(a).isNotEqualTo("0102");
    assertThat(a.toString()).contains("payload=0102", "paddingLength=1", "sequenceNumber=7");
    RtpPacket large = new RtpPacket(header, new byte[100]);
    assertThat(large.toString()).contains("0".repeat(64) + "...(100 bytes)");
  }

  @Test
  void paddingOf255BytesRoundTrips() throws Exception {
    RtpPacket packet = new RtpPacket(new RtpHeader(false, 1, 2, 3, 4), Hex.bytes("77"), 255);
    byte[] wire = packet.serialize();
    assertThat(wire).hasSize(12 + 1 + 255);
    assertThat(wire[wire.length - 1]).isEqualTo((byte) 255);
    assertThat(IntStream.range(13, wire.length - 1).map(i -> wire[i])).containsOnly(0);
    assertThat(RtpPacket.parse(wire)).isEqualTo(packet);
  }
}
