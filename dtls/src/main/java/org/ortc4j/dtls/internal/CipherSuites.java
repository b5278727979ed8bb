package org.ortc4j.dtls.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.tls.CipherSuite;
import org.ortc4j.dtls.CertificateKeyType;

/**
 * The DTLS 1.2 cipher suites ortc4j negotiates, in preference order: forward-secret ECDHE,
 * AEAD first, one CBC suite last for old peers. A client offers them all; a server keeps those
 * its certificate can sign for.
 */
public final class CipherSuites {
  private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

  static {
    add(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    add(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    add(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    add(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    add(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    add(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    add(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
    add(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
  }

  // computed once: BouncyCastle asks for the list on every handshake
  private static final int[] ALL = NAMES.keySet().stream().mapToInt(Integer::intValue).toArray();
  private static final int[] ECDSA_SERVER = withSigner("_ECDSA_");
  private static final int[] RSA_SERVER = withSigner("_RSA_");

  private CipherSuites() {}

  private static void add(int suite, String name) {
    NAMES.put(suite, name);
  }

  /** Every suite, for a client's offer. */
  public static int[] all() {
    return ALL.clone();
  }

  /** The suites a server with a certificate of {@code keyType} can sign for. */
  public static int[] forServer(CertificateKeyType keyType) {
    return (keyType == CertificateKeyType.ECDSA_P256 ? ECDSA_SERVER : RSA_SERVER).clone();
  }

  private static int[] withSigner(String signer) {
    return NAMES.entrySet().stream().filter(e -> e.getValue().contains(signer))
        .mapToInt(Map.Entry::getKey).toArray();
  }

  /** The names of {@code suites} (see {@link #name}), in order; "[]" for null. */
  public static String names(int[] suites) {
    return suites == null ? "[]" : java.util.Arrays.stream(suites).mapToObj(CipherSuites::name)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /** The IANA name of {@code suite}, or its hex code for one outside the table. */
  public static String name(int suite) {
    String name = NAMES.get(suite);
    return name != null ? name : String.format("0x%04X", suite);
  }
}
