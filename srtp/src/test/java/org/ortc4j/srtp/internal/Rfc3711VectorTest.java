package org.ortc4j.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3711 Appendix B.2 (AES-CM keystream) and B.3 (key derivation). */
class Rfc3711VectorTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** B.2: session key and the already shifted salt; SSRC and index 0 make the salt the IV. */
  @ParameterizedTest(name = "counter block {0}")
  @CsvSource({
      "0,     E03EAD0935C95E80E166B16DD92B4EB4",
      "1,     D23513162B02D0F72A43A2FE4A5F97AB",
      "2,     41E95B3BB0A2E8DD477901E4FCA894C0",
      "65279, EC8CDF7398607CB0F2D21675EA9EA1E4",
      "65280, 362B7C3C6773516318A077D7FC5073AE",
      "65281, 6A2CC3787889374FBEB4C81B17BA6C44"
  })
  void aesCmKeystreamMatchesAppendixB2(int block, String keystream) {
    AesCounterMode aes = new AesCounterMode(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"));
    byte[] segment = new byte[1044512]; // the RFC's 65282-block segment, XORed into zeros
    aes.apply(HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), segment, 0, segment.length);

    assertThat(HEX.formatHex(segment, block * 16, block * 16 + 16)).isEqualTo(keystream);
  }

  @Test
  void theSrtpIvOfSsrcAndIndexZeroIsTheShiftedSalt() {
    CmPacketCipher cipher = new CmPacketCipher(
        HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"),
        HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20], 10);
    byte[] packet = new byte[12 + 48 + 10];
    packet[0] = (byte) 0x80;

    cipher.protectRtp(packet, 0, 12, 60, 0, 0);

    assertThat(HEX.formatHex(packet, 12, 60)).isEqualTo("E03EAD0935C95E80E166B16DD92B4EB4"
        + "D23513162B02D0F72A43A2FE4A5F97AB41E95B3BB0A2E8DD477901E4FCA894C0");
  }

  @ParameterizedTest(name = "label {0}")
  @CsvSource({
      "0, C61E7A93744F39EE10734AFE3FF7A087",
      "2, 30CBBC08863D8C85D49DB34A9AE1",
      "1, CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
          + "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25"
          + "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2"
  })
  void keyDerivationMatchesAppendixB3(int label, String expected) {
    byte[] key = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
    byte[] salt = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");

    byte[] derived = KeyDerivation.derive(key, salt, label, expected.length() / 2);

    assertThat(HEX.formatHex(derived)).isEqualTo(expected);
  }
}
