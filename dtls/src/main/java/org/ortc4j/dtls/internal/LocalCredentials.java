package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.ortc4j.dtls.CertificateKeyType;

/** The local certificate and key as BouncyCastle signing credentials. */
final class LocalCredentials {
  private final PeerSettings settings;
  private final Certificate chain;

  /**
   * Wraps the already parsed certificate. A fresh wrapper per handshake, because
   * BouncyCastle's wrapper caches the public key in unsynchronised fields; the parse is what
   * costs, and that is done once.
   */
  LocalCredentials(PeerSettings settings) {
    this.settings = settings;
    TlsCertificate certificate = new BcTlsCertificate(SharedCrypto.CRYPTO, settings.certificate());
    this.chain = new Certificate(new TlsCertificate[] {certificate});
  }

  boolean isEcdsa() {
    return settings.keyType() == CertificateKeyType.ECDSA_P256;
  }

  /**
   * A signer using the first signature scheme of the peer's list our key can make (ECDSA, or
   * RSA PKCS #1 v1.5, which every DTLS 1.2 peer accepts).
   */
  TlsCredentialedSigner signer(TlsContext context, Vector<?> peerSignatureAlgorithms)
      throws IOException {
    short signature = isEcdsa() ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa;
    SignatureAndHashAlgorithm algorithm =
        TlsUtils.chooseSignatureAndHashAlgorithm(context, peerSignatureAlgorithms, signature);
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context),
        SharedCrypto.CRYPTO, settings.privateKey(), chain, algorithm);
  }
}
