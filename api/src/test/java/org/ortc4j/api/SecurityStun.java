package org.ortc4j.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * STUN Binding requests as an off-path attacker would forge them: a connectivity check that
 * claims the controlling role and nominates (USE-CANDIDATE), under a USERNAME and a
 * MESSAGE-INTEGRITY key of the test's choosing (or without MESSAGE-INTEGRITY at all), with a
 * correct FINGERPRINT so that it is not discarded as garbage.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8489#section-5">RFC 8489 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8445#section-7.1.2">RFC 8445 §7.1.2</a>
 */
final class SecurityStun {
  static final int BINDING_REQUEST = 0x0001;
  static final int BINDING_SUCCESS = 0x0101;
  private static final int MAGIC_COOKIE = 0x2112A442;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecurityStun() {}

  /**
   * A nominating Binding request.
   *
   * @param username "receiver-ufrag:sender-ufrag"
   * @param password the MESSAGE-INTEGRITY key, or null to send none
   */
  static byte[] bindingRequest(String username, String password) {
    ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    attribute(attrs, 0x0006, username.getBytes(StandardCharsets.UTF_8)); // USERNAME
    attribute(attrs, 0x0024, ByteBuffer.allocate(4).putInt(0x7E7F1EFF).array()); // PRIORITY
    attribute(attrs, 0x802A, ByteBuffer.allocate(8).putLong(Long.MAX_VALUE).array()); // CONTROLLING
    attribute(attrs, 0x0025, new byte[0]); // USE-CANDIDATE
    byte[] transaction = new byte[12];
    RANDOM.nextBytes(transaction);
    if (password != null) {
      byte[] signed = message(transaction, attrs.toByteArray(), 24);
      attribute(attrs, 0x0008, hmacSha1(password, signed, signed.length - 24));
    }
    byte[] fingerprinted = message(transaction, attrs.toByteArray(), 8);
    CRC32 crc = new CRC32();
    crc.update(fingerprinted, 0, fingerprinted.length - 8);
    attribute(attrs, 0x8028,
        ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554E).array()); // FINGERPRINT
    return message(transaction, attrs.toByteArray(), 0);
  }

  /**
   * A Binding success response to {@code request} from {@code from}, with XOR-MAPPED-ADDRESS
   * and FINGERPRINT but no MESSAGE-INTEGRITY (what someone without the password can send).
   */
  static byte[] unsignedSuccess(byte[] request, java.net.InetSocketAddress from) {
    byte[] transaction = java.util.Arrays.copyOfRange(request, 8, 20);
    byte[] ip = from.getAddress().getAddress();
    ByteBuffer mapped = ByteBuffer.allocate(8).put((byte) 0).put((byte) 1)
        .putShort((short) (from.getPort() ^ (MAGIC_COOKIE >>> 16)));
    for (int i = 0; i < 4; i++) {
      mapped.put((byte) (ip[i] ^ (MAGIC_COOKIE >>> (24 - 8 * i))));
    }
    ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    attribute(attrs, 0x0020, mapped.array()); // XOR-MAPPED-ADDRESS
    byte[] fingerprinted = message(BINDING_SUCCESS, transaction, attrs.toByteArray(), 8);
    CRC32 crc = new CRC32();
    crc.update(fingerprinted, 0, fingerprinted.length - 8);
    attribute(attrs, 0x8028,
        ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554E).array()); // FINGERPRINT
    return message(BINDING_SUCCESS, transaction, attrs.toByteArray(), 0);
  }

  /** The STUN message type of {@code datagram}, or -1 if it is not STUN. */
  static int type(byte[] datagram) {
    if (datagram.length < 20 || ByteBuffer.wrap(datagram, 4, 4).getInt() != MAGIC_COOKIE) {
      return -1;
    }
    return (datagram[0] & 0xFF) << 8 | (datagram[1] & 0xFF);
  }

  /** A password the attacker guesses: the right length and alphabet, random. */
  static String guessedPassword() {
    StringBuilder text = new StringBuilder();
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
    for (int i = 0; i < 24; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Header + body; the header's length also counts {@code extra} bytes still to come. */
  private static byte[] message(byte[] transaction, byte[] body, int extra) {
    return message(BINDING_REQUEST, transaction, body, extra);
  }

  private static byte[] message(int type, byte[] transaction, byte[] body, int extra) {
    ByteBuffer b = ByteBuffer.allocate(20 + body.length + extra);
    b.putShort((short) type).putShort((short) (body.length + extra))
        .putInt(MAGIC_COOKIE).put(transaction).put(body);
    return b.array();
  }

  private static byte[] hmacSha1(String key, byte[] data, int len) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      mac.update(data, 0, len);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
    out.write(type >> 8);
    out.write(type);
    out.write(value.length >> 8);
    out.write(value.length);
    out.writeBytes(value);
    for (int pad = (4 - value.length % 4) % 4; pad > 0; pad--) {
      out.write(0);
    }
  }
}
