package org.ortc4j.dtls.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;
import org.ortc4j.dtls.FingerprintAlgorithm;

/**
 * The hash functions of certificate fingerprints, looked up once.
 *
 * <p>{@link MessageDigest#getInstance} searches the installed providers on every call; cloning
 * a prototype skips that search. The prototypes are never updated, so concurrent clones are
 * safe, and each caller hashes with its own clone.
 */
public final class FingerprintDigests {
  private static final Map<FingerprintAlgorithm, MessageDigest> PROTOTYPES = prototypes();

  private FingerprintDigests() {}

  /** The hash of {@code data} under {@code algorithm}. */
  public static byte[] digest(FingerprintAlgorithm algorithm, byte[] data) {
    return newDigest(algorithm).digest(data);
  }

  /** The hash length of {@code algorithm} in bytes. */
  public static int length(FingerprintAlgorithm algorithm) {
    return newDigest(algorithm).getDigestLength();
  }

  private static MessageDigest newDigest(FingerprintAlgorithm algorithm) {
    MessageDigest prototype = PROTOTYPES.get(algorithm);
    if (prototype != null) {
      try {
        return (MessageDigest) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // a provider whose digest cannot be cloned: look it up each time instead
      }
    }
    return lookUp(algorithm);
  }

  private static Map<FingerprintAlgorithm, MessageDigest> prototypes() {
    Map<FingerprintAlgorithm, MessageDigest> prototypes = new EnumMap<>(FingerprintAlgorithm.class);
    for (FingerprintAlgorithm algorithm : FingerprintAlgorithm.values()) {
      try {
        prototypes.put(algorithm, MessageDigest.getInstance(algorithm.jcaName()));
      } catch (NoSuchAlgorithmException e) {
        // left out: lookUp reports it when the algorithm is used, as before
      }
    }
    return prototypes;
  }

  private static MessageDigest lookUp(FingerprintAlgorithm algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.jcaName());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
    }
  }
}
