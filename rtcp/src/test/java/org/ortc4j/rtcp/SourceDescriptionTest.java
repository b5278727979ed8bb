package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class SourceDescriptionTest {
  private static SdesItem item(SdesItemType type, String text) {
    return new SdesItem(type, text);
  }

  private static SourceDescription sdes(SdesChunk... chunks) {
    return new SourceDescription(List.of(chunks));
  }

  private static SdesChunk chunk(long source, SdesItem... items) {
    return new SdesChunk(source, List.of(items));
  }

  // Pion's fixtures put a byte count in the length field; here it is corrected to words - 1.
  static Stream<Arguments> validPackets() {
    return Stream.of(
        arguments("no chunks (pion/rtcp \"no chunks\")", "80 ca 0000", sdes()),
        arguments(
            "a chunk without items (pion/rtcp \"zero item chunk\")",
            "81 ca 0002  01020304  00 000000   # end marker, three null octets",
            sdes(chunk(0x01020304))),
        arguments(
            "an empty CNAME (pion/rtcp \"empty string\")",
            "81 ca 0002  01020304  01 00  00 00",
            SourceDescription.cname(0x01020304, "")),
        arguments(
            "CNAME and PHONE (pion/rtcp \"two items\")",
            """
            81 ca 0003  10000000
            01 01 41    # CNAME "A"
            04 01 42    # PHONE "B"
            00 00       # end marker, one null octet
            """,
            sdes(chunk(0x10000000L, item(SdesItemType.CNAME, "A"), item(SdesItemType.PHONE, "B")))),
        arguments(
            "two chunks (pion/rtcp \"two chunks\")",
            """
            82 ca 0005
            01020304  01 01 41  00              # CNAME "A", end marker on the boundary
            05060708  01 03 424344  00 0000     # CNAME "BCD"
            """,
            sdes(SdesChunk.cname(0x01020304, "A"), SdesChunk.cname(0x05060708, "BCD"))),
        arguments(
            "NAME before CNAME (libwebrtc sdes_unittest.cc, ParseSkipsNonCNameField)",
            "81 ca 0004  12345678  02 03 616263  01 02 6465  00 0000",
            sdes(chunk(0x12345678, item(SdesItemType.NAME, "abc"), SdesItem.cname("de")))),
        arguments(
            "a chunk without CNAME (libwebrtc ParseSkipsChunksWithoutCName)",
            """
            82 ca 0007
            12345678  02 03 616263  03 02 6465  00 0000   # NAME "abc", EMAIL "de"
            23456789  01 03 646566  00 0000               # CNAME "def"
            """,
            sdes(
                chunk(0x12345678, item(SdesItemType.NAME, "abc"), item(SdesItemType.EMAIL, "de")),
                SdesChunk.cname(0x23456789, "def"))),
        arguments(
            "two CNAMEs, which libwebrtc rejects and RFC 3550 does not forbid"
                + " (ParseFailsWithTwoCNames)",
            "81 ca 0003  12345678  01 01 61  01 02 6465  00",
            sdes(chunk(0x12345678, SdesItem.cname("a"), SdesItem.cname("de")))),
        arguments(
            "items ending on a word boundary take four null octets",
            "81 ca 0003  aabbccdd  01 02 6162  00000000",
            SourceDescription.cname(0xaabbccddL, "ab")),
        arguments(
            "PRIV and an unknown item type (15, MID)",
            """
            81 ca 0007  11223344
            01 09 75736572 40686f73 74      # CNAME "user@host"
            08 05 02 6162 6364              # PRIV prefix "ab" value "cd"
            0f 01 30                        # type 15 "0"
            00 0000
            """,
            sdes(
                chunk(
                    0x11223344,
                    SdesItem.cname("user@host"),
                    SdesItem.priv("ab", "cd"),
                    new SdesItem(15, Hex.bytes("30"))))),
        arguments(
            "every RFC 3550 item type",
            """
            81 ca 0008  00000001
            01 01 61  02 01 62  03 01 63  04 01 64  05 01 65  06 01 66  07 01 67
            08 01 00  00000000   # PRIV with an empty prefix and value; four null octets
            """,
            sdes(
                chunk(
                    1,
                    SdesItem.cname("a"),
                    item(SdesItemType.NAME, "b"),
                    item(SdesItemType.EMAIL, "c"),
                    item(SdesItemType.PHONE, "d"),
                    item(SdesItemType.LOC, "e"),
                    item(SdesItemType.TOOL, "f"),
                    item(SdesItemType.NOTE, "g"),
                    SdesItem.priv("", "")))),
        arguments(
            "4 bytes of padding",
            "a1 ca 0003  aabbccdd  00000000  00000004",
            new SourceDescription(List.of(chunk(0xaabbccddL)), 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPackets")
  void parsesAndSerializesBackToTheSameBytes(String name, String hex, SourceDescription expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        arguments(
            "no end marker (libwebrtc ParseFailsWithoutChunkItemTerminator)",
            "81 ca 0003  12345678  02 03 616263  01 01 64",
            Reason.BAD_SDES),
        arguments(
            "a type without a length (libwebrtc ParseFailsWithDamagedChunkItem)",
            "81 ca 0003  12345678  02 02 6162  01 01 64  03",
            Reason.BAD_SDES),
        arguments(
            "an item past the end (libwebrtc ParseFailsWithTooLongChunkItem)",
            "81 ca 0003  12345678  02 03 616263  01 02 64",
            Reason.BAD_SDES),
        arguments(
            "no room for the second chunk (libwebrtc ParseFailsWithTooLittleSpaceForNextChunk)",
            "82 ca 0004  12345678  01 01 61  03 02 6465  00  23456789",
            Reason.BAD_COUNT),
        arguments(
            "an SSRC and nothing else (pion/rtcp \"missing type\")",
            "81 ca 0001  00000000",
            Reason.BAD_COUNT),
        arguments(
            "SC=1 and no chunk (pion/rtcp \"bad count in header\")",
            "81 ca 0000",
            Reason.BAD_COUNT),
        arguments("SC=31 and one chunk", "9f ca 0002  01020304 00000000", Reason.BAD_COUNT),
        arguments(
            "items run to the end with no end marker",
            "81 ca 0002  01020304  01 02 6162",
            Reason.BAD_SDES),
        arguments(
            "a non-null octet after the end marker",
            "81 ca 0002  01020304  01 00  00 01",
            Reason.BAD_SDES),
        arguments(
            "a PRIV prefix longer than the item",
            "81 ca 0002  01020304  08 01 05  00",
            Reason.BAD_SDES),
        arguments(
            "a PRIV item without a prefix length",
            "81 ca 0002  01020304  08 00 00 00",
            Reason.BAD_SDES),
        arguments(
            "null octets cut off by 3 bytes of RTCP padding",
            "a1 ca 0004  01020304  01 06 616263646566  00  000003",
            Reason.BAD_SDES),
        arguments(
            "a second chunk beyond SC=1",
            "81 ca 0004  01020304 00000000  05060708 00000000",
            Reason.BAD_LENGTH),
        arguments(
            "a null word more than the chunk needs",
            "81 ca 0003  01020304 00000000 00000000",
            Reason.BAD_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void headerFieldsAndDestinations() {
    SourceDescription description =
        sdes(SdesChunk.cname(7, "x"), chunk(0xffffffffL), SdesChunk.cname(7, "y"));
    assertThat(description.packetType()).isEqualTo(202);
    assertThat(description.countOrFormat()).isEqualTo(3);
    assertThat(description.padding()).isZero();
    assertThat(description.destinationSsrcs()).containsExactly(7L, 0xffffffffL, 7L);
  }

  @Test
  void chunkFindsItsFirstCname() {
    assertThat(
            chunk(1, item(SdesItemType.NAME, "n"), SdesItem.cname("c1"), SdesItem.cname("c2"))
                .cname())
        .contains("c1");
    assertThat(chunk(1, item(SdesItemType.NAME, "n")).cname()).isEmpty();
  }

  @Test
  void itemValuesAreBytesWithTextViews() {
    SdesItem name = item(SdesItemType.NAME, "Zoë");
    assertThat(name.value()).isEqualTo("Zoë".getBytes(StandardCharsets.UTF_8));
    assertThat(name.text()).isEqualTo("Zoë");
    assertThat(name.knownType()).contains(SdesItemType.NAME);
    SdesItem malformed = new SdesItem(2, Hex.bytes("61ff"));
    assertThat(malformed.text()).isEqualTo("a\ufffd");
    SdesItem unknown = new SdesItem(200, Hex.bytes("0102"));
    assertThat(unknown.knownType()).isEmpty();
    assertThat(unknown.toString()).startsWith("SdesItem[200, value=0102");
    assertThat(name.toString()).contains("NAME", "Zoë");
  }

  @Test
  void privItemsSplitPrefixAndValue() {
    SdesItem priv = SdesItem.priv("x-ortc", "v=1");
    assertThat(priv.type()).isEqualTo(8);
    assertThat(priv.privPrefix()).isEqualTo("x-ortc");
    assertThat(priv.text()).isEqualTo("v=1");
    assertThat(priv.value()).isEqualTo(Hex.bytes("06 782d6f727463 763d31"));
    assertThat(SdesItem.priv(new byte[254], new byte[0]).value()).hasSize(255);
    assertThat(new SdesItem(8, Hex.bytes("00")).text()).isEmpty();
    assertThatThrownBy(() -> SdesItem.cname("c").privPrefix())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void itemsAreCopiedAndComparedByContent() {
    byte[] value = Hex.bytes("6162");
    SdesItem item = new SdesItem(1, value);
    value[0] = 0;
    item.value()[1] = 0;
    assertThat(item).isEqualTo(SdesItem.cname("ab")).hasSameHashCodeAs(SdesItem.cname("ab"));
    assertThat(item).isNotEqualTo(new SdesItem(2, Hex.bytes("6162")));
    assertThat(item).isNotEqualTo(SdesItem.cname("ac"));
  }

  @Test
  void rejectsInvalidItems() {
    assertInvalid(() -> new SdesItem(0, new byte[0]), "type");
    assertInvalid(() -> new SdesItem(256, new byte[0]), "type");
    assertInvalid(() -> new SdesItem(1, new byte[256]), "value");
    assertInvalid(() -> new SdesItem(1, null), "value");
    assertInvalid(() -> SdesItem.cname("x".repeat(256)), "value");
    assertInvalid(() -> new SdesItem(8, new byte[0]), "PRIV");
    assertInvalid(() -> new SdesItem(8, Hex.bytes("02 61")), "PRIV");
    assertInvalid(() -> new SdesItem(SdesItemType.PRIV, "\u0000"), "PRIV");
    assertInvalid(() -> SdesItem.priv(new byte[255], new byte[0]), "prefix");
    assertInvalid(() -> SdesItem.priv(new byte[100], new byte[155]), "value");
  }

  @Test
  void rejectsInvalidChunksAndPackets() {
    assertInvalid(() -> new SdesChunk(-1, List.of()), "source");
    assertInvalid(
        () ->
            new SdesChunk(
                0, Collections.nCopies(RtcpHeader.MAX_PACKET_SIZE / 2 + 1, SdesItem.cname(""))),
        "items");
    assertInvalid(() -> new SourceDescription(Collections.nCopies(32, chunk(1))), "chunks");
    assertInvalid(() -> new SourceDescription(List.of(), 1), "padding");
    SdesChunk big = new SdesChunk(1, Collections.nCopies(1100, SdesItem.cname("x".repeat(255))));
    assertInvalid(() -> new SourceDescription(List.of(big)), "exceeds");
  }

  @Test
  void itemTypesHaveTheirRfcCodes() {
    assertThat(SdesItemType.values())
        .extracting(SdesItemType::code)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (SdesItemType type : SdesItemType.values()) {
      assertThat(SdesItemType.fromCode(type.code())).contains(type);
    }
    assertThat(SdesItemType.fromCode(0)).isEqualTo(Optional.empty());
    assertThat(SdesItemType.fromCode(9)).isEmpty();
  }
}
