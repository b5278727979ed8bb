package org.ortc4j.dtls;

/** The key pair types a {@link DtlsCertificate} can hold. */
public enum CertificateKeyType {
  /** ECDSA on NIST P-256 (secp256r1), signed with SHA-256: the WebRTC default. */
  ECDSA_P256,
  /** RSA with a 2048-bit modulus, signed with SHA-256 (PKCS #1 v1.5). */
  RSA_2048
}
