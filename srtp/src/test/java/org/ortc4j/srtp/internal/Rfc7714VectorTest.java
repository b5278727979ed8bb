package org.ortc4j.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP) AEAD vectors. The RFC gives session keys and salt, so they
 * drive the packet cipher directly.
 */
class Rfc7714VectorTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String KEY_128 = "000102030405060708090a0b0c0d0e0f";
  private static final String KEY_256 =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final byte[] SALT = HEX.parseHex("517569642070726f2071756f"); // "Quid pro quo"
  private static final String RTP = "8040f17b8041f8d35501a0b2"
      + "47616c6c696120657374206f6d6e697320646976697361"
      + "20696e207061727465732074726573"; // "Gallia est omnis divisa in partes tres"
  private static final String RTCP = "81c8000d4d6172734e5450314e5450325254502000"
      + "00042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
  private static final int RTCP_SSRC = 0x4d617273; // "Mars"
  private static final int RTCP_INDEX = 0x5d4;

  @ParameterizedTest(name = "§16 AES-{0}")
  @CsvSource({
      "128, f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
          + "899d7f27beb16a9152cf765ee4390cce",
      "256, 32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b"
          + "7aa3db36dfffd6b0f9bb7878d7a76c13"
  })
  void rtpEncryptsAndDecryptsAsSection16(int bits, String sealed) {
    String wire = RTP.substring(0, 24) + sealed;
    byte[] buf = Arrays.copyOf(HEX.parseHex(RTP), wire.length() / 2);

    cipher(bits).protectRtp(buf, 0, 12, RTP.length() / 2, 0x5501a0b2, 0xf17b);
    assertThat(HEX.formatHex(buf)).isEqualTo(wire);

    assertThat(cipher(bits).unprotectRtp(buf, 0, 12, buf.length, 0x5501a0b2, 0xf17b)).isTrue();
    assertThat(HEX.formatHex(buf, 0, RTP.length() / 2)).isEqualTo(RTP);
  }

  @ParameterizedTest(name = "§17 AES-{0} E={1}")
  @CsvSource({
      "128, true, 81c8000d4d61727363e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1"
          + "730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade800005d4",
      "256, true, 81c8000d4d617273d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1"
          + "110555be8415f658c61de0476f1b6fad1d1eb30c4446839f57ff6f6cb26ac3be800005d4",
      "128, false, " + "81c8000d4d6172734e5450314e5450325254502000"
          + "00042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"
          + "841dd9683dd78ec92ae58790125f62b3000005d4",
      "256, false, " + "81c8000d4d6172734e5450314e5450325254502000"
          + "00042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"
          + "91db4afbfeee5a978fab4393ed2615fe000005d4"
  })
  void rtcpAsSection17(int bits, boolean encrypted, String wire) {
    if (encrypted) {
      byte[] buf = Arrays.copyOf(HEX.parseHex(RTCP), wire.length() / 2);
      cipher(bits).protectRtcp(buf, 0, RTCP.length() / 2, RTCP_SSRC, RTCP_INDEX);
      assertThat(HEX.formatHex(buf)).isEqualTo(wire);
    }
    byte[] buf = HEX.parseHex(wire);

    assertThat(cipher(bits).unprotectRtcp(buf, 0, buf.length, RTCP_SSRC)).isTrue();
    assertThat(HEX.formatHex(buf, 0, RTCP.length() / 2)).isEqualTo(RTCP);
  }

  @ParameterizedTest(name = "AES-{0}")
  @CsvSource({"128", "256"})
  void aFlippedBitInTheRfcPacketFailsAuthentication(int bits) {
    byte[] buf = Arrays.copyOf(HEX.parseHex(RTP), RTP.length() / 2 + 16);
    cipher(bits).protectRtp(buf, 0, 12, RTP.length() / 2, 0x5501a0b2, 0xf17b);
    buf[20] ^= 1;

    assertThat(cipher(bits).unprotectRtp(buf, 0, 12, buf.length, 0x5501a0b2, 0xf17b)).isFalse();
  }

  private static GcmPacketCipher cipher(int bits) {
    return new GcmPacketCipher(HEX.parseHex(bits == 128 ? KEY_128 : KEY_256), SALT);
  }
}
