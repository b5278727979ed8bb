package org.ortc4j.dtls.internal;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.ortc4j.dtls.CertificateKeyType;

/**
 * A certificate with its private key in the forms the handshake and PEM export need.
 *
 * @param der the DER-encoded X.509 certificate (not copied: callers own the copy)
 * @param keyInfo the private key as PKCS #8
 * @param privateKey the private key for BouncyCastle's lightweight signers
 * @param keyType the key pair type
 */
public record CertificateMaterial(
    byte[] der, PrivateKeyInfo keyInfo, AsymmetricKeyParameter privateKey,
    CertificateKeyType keyType) {}
