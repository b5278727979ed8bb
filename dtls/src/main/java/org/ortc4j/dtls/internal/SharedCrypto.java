package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The one {@link BcTlsCrypto} all sessions share. BouncyCastle's lightweight crypto does the
 * handshake's public-key work at about half the CPU of the JCA-based one (design.md §3); it
 * holds no per-connection state, and {@link SecureRandom} is thread-safe. Its record ciphers
 * discard malformed records instead of ending the session ({@link DiscardingCipher}).
 */
public final class SharedCrypto {
  /** The shared instance. */
  public static final BcTlsCrypto CRYPTO = new RecordDiscardingCrypto(new SecureRandom());

  private SharedCrypto() {}

  private static final class RecordDiscardingCrypto extends BcTlsCrypto {
    RecordDiscardingCrypto(SecureRandom random) {
      super(random);
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters cryptoParams, int encryptionAlgorithm,
        int macAlgorithm) throws IOException {
      return new DiscardingCipher(
          super.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm));
    }
  }
}
