package org.ortc4j.dtls.internal;

import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The one {@link BcTlsCrypto} all sessions share. BouncyCastle's lightweight crypto does the
 * handshake's public-key work at about half the CPU of the JCA-based one (design.md §3); it
 * holds no per-connection state, and {@link SecureRandom} is thread-safe.
 */
public final class SharedCrypto {
  /** The shared instance. */
  public static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());

  private SharedCrypto() {}
}
