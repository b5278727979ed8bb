package org.ortc4j.dtls.internal;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsEncodeResult;

/**
 * A record cipher whose every failure to decode a received record reads as a bad MAC, which
 * BouncyCastle's DTLS record layer discards silently, as RFC 6347 §4.1.2.7 asks of invalid
 * records.
 *
 * <p>Why: BouncyCastle's ciphers check a record's shape before they authenticate it and report
 * a shape they dislike ({@code decode_error} for an AEAD record shorter than nonce + tag,
 * {@code decryption_failed} for a CBC record that is not whole blocks) as a fatal alert, which
 * its DTLS record layer does not discard: it sends the alert and ends the connection. Anyone who
 * can put one 14-byte datagram with the current epoch on the path could so end a session. The
 * shape of an unauthenticated record says nothing about the peer, so it is dropped like any
 * forgery. Only an {@code internal_error} (our own bug, not the input) still ends the session.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347#section-4.1.2.7">RFC 6347 §4.1.2.7</a>
 */
final class DiscardingCipher implements TlsCipher {
  private final TlsCipher cipher;

  DiscardingCipher(TlsCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public TlsDecodeResult decodeCiphertext(long seqNo, short recordType,
      ProtocolVersion recordVersion, byte[] ciphertext, int offset, int len) throws IOException {
    try {
      return cipher.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
    } catch (TlsFatalAlert alert) {
      if (alert.getAlertDescription() == AlertDescription.internal_error) {
        throw alert;
      }
      throw new TlsFatalAlert(AlertDescription.bad_record_mac, alert);
    }
  }

  @Override
  public TlsEncodeResult encodePlaintext(long seqNo, short contentType,
      ProtocolVersion recordVersion, int headerAllocation, byte[] plaintext, int offset, int len)
      throws IOException {
    return cipher.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext,
        offset, len);
  }

  @Override
  public int getCiphertextDecodeLimit(int plaintextLimit) {
    return cipher.getCiphertextDecodeLimit(plaintextLimit);
  }

  @Override
  public int getCiphertextEncodeLimit(int plaintextLimit) {
    return cipher.getCiphertextEncodeLimit(plaintextLimit);
  }

  @Override
  public int getPlaintextDecodeLimit(int ciphertextLimit) {
    return cipher.getPlaintextDecodeLimit(ciphertextLimit);
  }

  @Override
  public int getPlaintextEncodeLimit(int ciphertextLimit) {
    return cipher.getPlaintextEncodeLimit(ciphertextLimit);
  }

  @Override
  public void rekeyDecoder() throws IOException {
    cipher.rekeyDecoder();
  }

  @Override
  public void rekeyEncoder() throws IOException {
    cipher.rekeyEncoder();
  }

  @Override
  public boolean usesOpaqueRecordTypeDecode() {
    return cipher.usesOpaqueRecordTypeDecode();
  }

  @Override
  public boolean usesOpaqueRecordTypeEncode() {
    return cipher.usesOpaqueRecordTypeEncode();
  }
}
