package org.ortc4j.dtls.internal;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
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
 * @param keyInfo the private key as PKCS #8
 * @param privateKey the private key for BouncyCastle's lightweight signers
 * @param keyType the key pair type
 */
public record CertificateMaterial(
    byte[] der, Certificate certificate, PrivateKeyInfo keyInfo,
    AsymmetricKeyParameter privateKey, CertificateKeyType keyType) {}
