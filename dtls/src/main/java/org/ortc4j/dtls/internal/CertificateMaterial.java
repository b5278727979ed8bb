package org.ortc4j.dtls.internal;

import java.io.IOException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.ortc4j.dtls.CertificateKeyType;

/**
 * A certificate with its private key in the forms the handshake and PEM export need.
 *
 * <p>The parsed {@code certificate} is kept so that each handshake wraps it instead of parsing
 * the DER again; BouncyCastle's ASN.1 structures are immutable, so one instance serves every
 * session on any thread.
 *
 * @param der the DER-encoded X.509 certificate (not copied: callers own the copy)
 * @param certificate the same certificate parsed by BouncyCastle
 * @param keyInfo the private key as PKCS #8 as it was imported, or null for a generated key,
 *     which {@link #pkcs8()} encodes when it is exported: encoding an EC key recomputes its
 *     public point, which costs as much as generating the key
 * @param privateKey the private key for BouncyCastle's lightweight signers
 * @param keyType the key pair type
 */
public record CertificateMaterial(
    byte[] der, Certificate certificate, PrivateKeyInfo keyInfo,
    AsymmetricKeyParameter privateKey, CertificateKeyType keyType) {

  /** The private key as PKCS #8: the imported structure as read, or the generated key encoded. */
  public PrivateKeyInfo pkcs8() {
    if (keyInfo != null) {
      return keyInfo;
    }
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the private key", e);
    }
  }
}
