package org.ortc4j.ice;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds a STUN Binding request (RFC 8489 §5, RFC 8445 §7.1.2) signed with a password of the
 * test's choosing: a wrong one forges a connectivity check that must be ignored.
 */
final class ForgedStun {
  private ForgedStun() {}

  static byte[] bindingRequest(String username, String password) throws GeneralSecurityException {
    ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    attribute(attrs, 0x0006, username.getBytes(StandardCharsets.UTF_8)); // USERNAME
    attribute(attrs, 0x0024, ByteBuffer.allocate(4).putInt(0x6E7F1EFF).array()); // PRIORITY
    attribute(attrs, 0x802A, ByteBuffer.allocate(8).putLong(42).array()); // ICE-CONTROLLING
    byte[] body = attrs.toByteArray();

    byte[] withIntegrity = message(body, 24);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    mac.update(withIntegrity, 0, 20 + body.length);
    byte[] hmac = mac.doFinal();
    attribute(attrs, 0x0008, hmac); // MESSAGE-INTEGRITY
    body = attrs.toByteArray();

    byte[] withFingerprint = message(body, 8);
    CRC32 crc = new CRC32();
    crc.update(withFingerprint, 0, 20 + body.length);
    attribute(attrs, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554E)
        .array()); // FINGERPRINT
    return message(attrs.toByteArray(), 0);
  }

  /** Header + body, the header's length counting {@code extra} bytes still to come. */
  private static byte[] message(byte[] body, int extra) {
    ByteBuffer b = ByteBuffer.allocate(20 + body.length + extra);
    b.putShort((short) 0x0001).putShort((short) (body.length + extra)).putInt(0x2112A442);
    b.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    b.put(body);
    return b.array();
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
