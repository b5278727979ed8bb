package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;
import org.ortc4j.dtls.CertificateKeyType;

/**
 * Makes self-signed certificates with BouncyCastle's lightweight API, which generates and signs
 * P-256 keys several times faster than the JDK's SunEC provider (design.md §3).
 */
public final class SelfSignedCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ECNamedDomainParameters P256 =
      ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
  private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

  private SelfSignedCertificates() {}

  /** A new key pair of {@code type} and a certificate for it, named and valid as given. */
  public static CertificateMaterial generate(
      CertificateKeyType type, String commonName, Instant notBefore, Instant notAfter) {
    AsymmetricCipherKeyPair keyPair = generateKeyPair(type);
    try {
      X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
          name(commonName), randomSerial(), Date.from(notBefore), Date.from(notAfter),
          name(commonName), SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
              keyPair.getPublic()));
      X509CertificateHolder certificate = builder.build(signer(type, keyPair));
      return new CertificateMaterial(certificate.getEncoded(), certificate.toASN1Structure(),
          null, keyPair.getPrivate(), type);
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot build a self-signed certificate", e);
    }
  }

  /**
   * A positive serial of up to 127 random bits from a CSPRNG, so that two certificates with the
   * same name never share issuer and serial.
   */
  static BigInteger randomSerial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static AsymmetricCipherKeyPair generateKeyPair(CertificateKeyType type) {
    if (type == CertificateKeyType.ECDSA_P256) {
      ECKeyPairGenerator generator = new ECKeyPairGenerator();
      generator.init(new ECKeyGenerationParameters(P256, RANDOM));
      return generator.generateKeyPair();
    }
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(new RSAKeyGenerationParameters(RSA_PUBLIC_EXPONENT, RANDOM, 2048, 112));
    return generator.generateKeyPair();
  }

  private static ContentSigner signer(CertificateKeyType type, AsymmetricCipherKeyPair keyPair)
      throws OperatorCreationException {
    boolean ec = type == CertificateKeyType.ECDSA_P256;
    AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder()
        .find(ec ? "SHA256withECDSA" : "SHA256withRSA");
    AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
    return ec
        ? new BcECContentSignerBuilder(signature, digest).build(keyPair.getPrivate())
        : new BcRSAContentSignerBuilder(signature, digest).build(keyPair.getPrivate());
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }
}
