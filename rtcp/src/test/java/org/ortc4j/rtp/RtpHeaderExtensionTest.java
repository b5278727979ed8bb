package org.ortc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtcp.Hex;
import org.ortc4j.rtp.RtpHeaderExtension.Form;

class RtpHeaderExtensionTest {
  private static RtpExtensionElement element(int id, String hex) {
    return new RtpExtensionElement(id, Hex.bytes(hex));
  }

  @Test
  void oneByteFormPacksElementsAndPadsToAWord() {
    RtpHeaderExtension extension =
        RtpHeaderExtension.oneByte(List.of(element(1, "aa"), element(2, "bbbb")));
    assertThat(extension.form()).isEqualTo(Form.ONE_BYTE);
    assertThat(extension.profile()).isEqualTo(0xBEDE);
    assertThat(extension.appBits()).isZero();
    assertThat(extension.contentLength()).isEqualTo(8);
    assertThat(extension.length()).isEqualTo(12);
    assertThat(Hex.of(extension.content())).isEqualTo("10aa21bbbb000000");
    assertThat(Hex.of(extension.serialize())).isEqualTo("bede0002" + "10aa21bbbb000000");
  }

  @Test
  void twoByteFormCarriesAppBitsEmptyAndLongElements() {
    RtpHeaderExtension extension =
        RtpHeaderExtension.twoByte(5, List.of(element(255, ""), element(1, "cc".repeat(255))));
    assertThat(extension.form()).isEqualTo(Form.TWO_BYTE);
    assertThat(extension.profile()).isEqualTo(0x1005);
    assertThat(extension.appBits()).isEqualTo(5);
    assertThat(extension.contentLength()).isEqualTo(260); // 2 + 2 + 255 = 259, padded
    byte[] wire = extension.serialize();
    assertThat(Hex.of(Arrays.copyOf(wire, 10))).isEqualTo("10050041" + "ff00" + "01ff" + "cccc");
    assertThat(wire[wire.length - 1]).isZero();
  }

  @Test
  void ofPicksTheOneByteFormWhenEveryElementFits() {
    assertThat(RtpHeaderExtension.of(List.of(element(14, "00".repeat(16)))).form())
        .isEqualTo(Form.ONE_BYTE);
    assertThat(RtpHeaderExtension.of(List.of()).form()).isEqualTo(Form.ONE_BYTE);
    assertThat(RtpHeaderExtension.of(List.of(element(1, "aa"), element(15, "aa"))).form())
        .isEqualTo(Form.TWO_BYTE);
    assertThat(RtpHeaderExtension.of(List.of(element(1, "00".repeat(17)))).form())
        .isEqualTo(Form.TWO_BYTE);
    assertThat(RtpHeaderExtension.of(List.of(element(1, ""))).form()).isEqualTo(Form.TWO_BYTE);
  }

  @Test
  void genericFormKeepsItsContentRaw() {
    RtpHeaderExtension extension = RtpHeaderExtension.generic(0x0001, Hex.bytes("ffffffff"));
    assertThat(extension.form()).isEqualTo(Form.GENERIC);
    assertThat(extension.profile()).isEqualTo(1);
    assertThat(extension.appBits()).isZero();
    assertThat(extension.elements()).isEmpty();
    assertThat(extension.get(1)).isEmpty();
    assertThat(extension.without(1)).isSameAs(extension);
    assertThat(Hex.of(extension.serialize())).isEqualTo("00010001ffffffff");
    byte[] content = extension.content();
    content[0] = 0;
    assertThat(Hex.of(extension.content())).isEqualTo("ffffffff");
    assertThatThrownBy(() -> extension.with(1, Hex.bytes("aa")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generic");
    assertThatThrownBy(extension::toTwoByteForm).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void genericFormRejectsRfc8285ProfilesPartialWordsAndOversizedContent() {
    assertThatThrownBy(() -> RtpHeaderExtension.generic(0xBEDE, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0xbede");
    assertThatThrownBy(() -> RtpHeaderExtension.generic(0x100a, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 8285");
    assertThatThrownBy(() -> RtpHeaderExtension.generic(0x10000, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpHeaderExtension.generic(1, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole 32-bit words");
    assertThatThrownBy(() -> RtpHeaderExtension.generic(1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> RtpHeaderExtension.generic(1, new byte[RtpHeaderExtension.MAX_CONTENT_LENGTH + 4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            RtpHeaderExtension.generic(0xffff, new byte[RtpHeaderExtension.MAX_CONTENT_LENGTH])
                .length())
        .isEqualTo(4 + 0xFFFF * 4);
  }

  @Test
  void factoriesRejectDuplicateIdsNullsAndElementsTheFormCannotCarry() {
    assertThatThrownBy(() -> RtpHeaderExtension.oneByte(List.of(element(1, "aa"), element(1, "bb"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share id 1");
    assertThatThrownBy(() -> RtpHeaderExtension.twoByte(0, List.of(element(9, ""), element(9, ""))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpHeaderExtension.of(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpHeaderExtension.oneByte(Arrays.asList(element(1, "aa"), null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpHeaderExtension.oneByte(List.of(element(15, "aa"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one-byte form");
    assertThatThrownBy(() -> RtpHeaderExtension.oneByte(List.of(element(1, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one-byte form");
    assertThatThrownBy(() -> RtpHeaderExtension.twoByte(16, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appBits");
  }

  @Test
  void getReturnsACopyOfTheData() {
    RtpHeaderExtension extension = RtpHeaderExtension.oneByte(List.of(element(4, "0102")));
    byte[] data = extension.get(4).orElseThrow();
    assertThat(data).isEqualTo(Hex.bytes("0102"));
    data[0] = 9;
    assertThat(extension.get(4).orElseThrow()).isEqualTo(Hex.bytes("0102"));
    assertThat(extension.get(5)).isEmpty();
    assertThat(extension.get(0)).isEmpty();
  }

  @Test
  void withReplacesInPlaceOrAppendsAndLeavesTheOriginalAlone() {
    RtpHeaderExtension original =
        RtpHeaderExtension.oneByte(List.of(element(1, "aa"), element(2, "bb"), element(3, "cc")));
    RtpHeaderExtension replaced = original.with(2, Hex.bytes("dddd"));
    assertThat(replaced.elements())
        .containsExactly(element(1, "aa"), element(2, "dddd"), element(3, "cc"));
    RtpHeaderExtension appended = original.with(7, Hex.bytes("ee"));
    assertThat(appended.elements()).extracting(RtpExtensionElement::id).containsExactly(1, 2, 3, 7);
    assertThat(original.elements()).extracting(RtpExtensionElement::id).containsExactly(1, 2, 3);
    assertThat(original.get(2).orElseThrow()).isEqualTo(Hex.bytes("bb"));
  }

  @Test
  void withOnTheOneByteFormRejectsElementsThatDoNotFitAndToTwoByteFormLiftsTheLimit() {
    RtpHeaderExtension oneByte = RtpHeaderExtension.oneByte(List.of(element(1, "aa")));
    for (RtpExtensionElement tooBig :
        List.of(element(15, "aa"), element(200, "aa"), element(2, ""), element(2, "00".repeat(17)))) {
      assertThatThrownBy(() -> oneByte.with(tooBig.id(), tooBig.data()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not fit the one-byte form")
          .hasMessageContaining("toTwoByteForm()");
    }
    RtpHeaderExtension twoByte = oneByte.toTwoByteForm();
    assertThat(twoByte.form()).isEqualTo(Form.TWO_BYTE);
    assertThat(twoByte.profile()).isEqualTo(0x1000);
    assertThat(twoByte.elements()).isEqualTo(oneByte.elements());
    assertThat(twoByte.toTwoByteForm()).isSameAs(twoByte);
    RtpHeaderExtension grown = twoByte.with(200, Hex.bytes("00".repeat(100))).with(2, new byte[0]);
    assertThat(grown.elements()).extracting(RtpExtensionElement::id).containsExactly(1, 200, 2);
    assertThatThrownBy(() -> twoByte.with(256, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> twoByte.with(0, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> twoByte.with(1, new byte[256]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutRemovesOnlyThatElement() {
    RtpHeaderExtension extension =
        RtpHeaderExtension.twoByte(3, List.of(element(1, "aa"), element(2, "bb")));
    RtpHeaderExtension removed = extension.without(1);
    assertThat(removed.elements()).containsExactly(element(2, "bb"));
    assertThat(removed.appBits()).isEqualTo(3);
    assertThat(removed.without(2).elements()).isEmpty();
    assertThat(removed.without(2).length()).isEqualTo(4);
    assertThat(extension.without(9)).isSameAs(extension);
  }

  @Test
  void elementsAreImmutable() {
    List<RtpExtensionElement> elements = new ArrayList<>(List.of(element(1, "aa")));
    RtpHeaderExtension extension = RtpHeaderExtension.oneByte(elements);
    elements.add(element(2, "bb"));
    assertThat(extension.elements()).hasSize(1);
    assertThatThrownBy(() -> extension.elements().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void serializeChecksRoomAndWritesAtAnOffset() {
    RtpHeaderExtension extension = RtpHeaderExtension.oneByte(List.of(element(1, "aa")));
    byte[] destination = new byte[10];
    Arrays.fill(destination, (byte) 0x77);
    assertThat(extension.serialize(destination, 1)).isEqualTo(8);
    assertThat(Hex.of(destination)).isEqualTo("77" + "bede0001" + "10aa0000" + "77");
    assertThatThrownBy(() -> extension.serialize(destination, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsHashCodeAndToString() {
    RtpHeaderExtension a = RtpHeaderExtension.oneByte(List.of(element(1, "aa")));
    RtpHeaderExtension b = RtpHeaderExtension.oneByte(List.of(element(1, "aa")));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.toTwoByteForm());
    assertThat(a).isNotEqualTo(RtpHeaderExtension.oneByte(List.of(element(1, "ab"))));
    assertThat(a.toTwoByteForm()).isNotEqualTo(RtpHeaderExtension.twoByte(1, a.elements()));
    assertThat(a).isNotEqualTo("aa");
    RtpHeaderExtension generic = RtpHeaderExtension.generic(7, Hex.bytes("01020304"));
    assertThat(generic).isEqualTo(RtpHeaderExtension.generic(7, Hex.bytes("01020304")));
    assertThat(generic).isNotEqualTo(RtpHeaderExtension.generic(7, Hex.bytes("01020305")));
    assertThat(generic.hashCode())
        .isEqualTo(RtpHeaderExtension.generic(7, Hex.bytes("01020304")).hashCode());
    assertThat(a.toString()).contains("ONE_BYTE", "0xbede", "id=1", "data=aa");
    assertThat(generic.toString()).contains("GENERIC", "0x0007", "content=01020304");
  }

  @Test
  void elementValidatesCopiesAndComparesByContent() {
    assertThatThrownBy(() -> new RtpExtensionElement(0, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> new RtpExtensionElement(256, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtpExtensionElement(1, new byte[256]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data");
    assertThatThrownBy(() -> new RtpExtensionElement(1, null))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] data = Hex.bytes("0102");
    RtpExtensionElement element = new RtpExtensionElement(3, data);
    data[0] = 9;
    element.data()[1] = 9;
    assertThat(element.data()).isEqualTo(Hex.bytes("0102"));
    assertThat(element.dataLength()).isEqualTo(2);
    assertThat(element).isEqualTo(element(3, "0102")).hasSameHashCodeAs(element(3, "0102"));
    assertThat(element).isNotEqualTo(element(4, "0102")).isNotEqualTo(element(3, "0103"));
    assertThat(element).isNotEqualTo("0102");
    assertThat(element.toString()).isEqualTo("RtpExtensionElement[id=3, data=0102]");
    assertThat(element.fitsOneByteForm()).isTrue();
    assertThat(element(15, "01").fitsOneByteForm()).isFalse();
    assertThat(RtpHeaderExtension.fitsOneByteForm(14, 16)).isTrue();
    assertThat(RtpHeaderExtension.fitsOneByteForm(0, 1)).isFalse();
    assertThat(RtpHeaderExtension.fitsOneByteForm(1, 0)).isFalse();
    assertThat(RtpHeaderExtension.fitsOneByteForm(1, 17)).isFalse();
  }
}
