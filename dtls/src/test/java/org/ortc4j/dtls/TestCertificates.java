package org.ortc4j.dtls;

import java.util.EnumMap;
import java.util.Map;

/** Certificates shared by the tests, generated once per JVM (RSA key generation is slow). */
final class TestCertificates {
  private static final Map<CertificateKeyType, DtlsCertificate[]> CACHE =
      new EnumMap<>(CertificateKeyType.class);

  private TestCertificates() {}

  /** The {@code index}-th (0 or 1) cached certificate of {@code type}. */
  static synchronized DtlsCertificate get(CertificateKeyType type, int index) {
    DtlsCertificate[] pair = CACHE.computeIfAbsent(type, t -> new DtlsCertificate[] {
        DtlsCertificate.generate(t, "ortc4j-test-a", DtlsCertificate.DEFAULT_VALIDITY),
        DtlsCertificate.generate(t, "ortc4j-test-b", DtlsCertificate.DEFAULT_VALIDITY)});
    return pair[index];
  }

  static DtlsCertificate ecdsa(int index) {
    return get(CertificateKeyType.ECDSA_P256, index);
  }
}
