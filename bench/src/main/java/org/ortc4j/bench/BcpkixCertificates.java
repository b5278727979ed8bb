package org.ortc4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed WebRTC certificates made with bcpkix directly, two ways: the baseline ortc4j's
 * certificate generation is compared with, and the identities of the raw-bctls handshake
 * baseline. Both make what ortc4j makes: random positive 64-bit serial, the given common name as
 * subject and issuer, valid from one day ago for 30 days, SHA-256 signature.
 *
 * <ul>
 *   <li>{@link #generateJdk}: the key pair and signature from the JDK's providers (SunEC,
 *       SunRsaSign) and {@code JcaX509v3CertificateBuilder}, the usual recipe;
 *   <li>{@link #generateLightweight}: BouncyCastle's lightweight key generators and signers, no
 *       JCA.
 * </ul>
 */
final class BcpkixCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();
  // Named, not explicit, curve parameters: peers (browsers, JCA) reject explicit ones. And
  // lookup() takes CustomNamedCurves' SecP256R1Curve: ECNamedCurveTable's generic Fp curve
  // signs several times slower (a first version of this baseline did, see bench/README.md).
  private static final ECDomainParameters P256_DOMAIN =
      ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);

  /** The key types compared. */
  enum KeyType {
    ECDSA_P256("SHA256withECDSA"),
    RSA_2048("SHA256withRSA");

    final String signatureAlgorithm;

    KeyType(String signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
    }
  }

  /** A certificate and its private key, in BouncyCastle's lightweight form. */
  record Identity(X509CertificateHolder certificate, AsymmetricKeyParameter privateKey) {
    /** The private key as a JCA key (for {@code JcaTlsCrypto}). */
    PrivateKey jcaPrivateKey() {
      try {
        byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
        String algorithm = privateKey.getClass().getSimpleName().startsWith("EC") ? "EC" : "RSA";
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot convert the private key", e);
      }
    }

    byte[] der() {
      try {
        return certificate.getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private BcpkixCertificates() {}

  /** The JCA recipe: JDK key pair generator and signature, {@code JcaX509v3CertificateBuilder}. */
  static Identity generateJdk(KeyType type, String commonName) {
    try {
      KeyPair keys = jdkKeyPair(type);
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name, serial(), notBefore(now), notAfter(now), name, keys.getPublic());
      ContentSigner signer =
          new JcaContentSignerBuilder(type.signatureAlgorithm).build(keys.getPrivate());
      return new Identity(
          builder.build(signer), PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make a " + type + " certificate", e);
    }
  }

  /** The lightweight recipe: BouncyCastle's own key generator and signer, no JCA provider. */
  static Identity generateLightweight(KeyType type, String commonName) {
    try {
      AsymmetricCipherKeyPair keys = lightweightKeyPair(type);
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new BcX509v3CertificateBuilder(
              name, serial(), notBefore(now), notAfter(now), name, keys.getPublic());
      return new Identity(builder.build(lightweightSigner(type, keys)), keys.getPrivate());
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make a " + type + " certificate", e);
    }
  }

  private static KeyPair jdkKeyPair(KeyType type) throws GeneralSecurityException {
    if (type == KeyType.ECDSA_P256) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    return generator.generateKeyPair();
  }

  private static AsymmetricCipherKeyPair lightweightKeyPair(KeyType type) {
    if (type == KeyType.ECDSA_P256) {
      ECKeyPairGenerator generator = new ECKeyPairGenerator();
      generator.init(new ECKeyGenerationParameters(P256_DOMAIN, RANDOM));
      return generator.generateKeyPair();
    }
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 2048, 112));
    return generator.generateKeyPair();
  }

  private static ContentSigner lightweightSigner(KeyType type, AsymmetricCipherKeyPair keys)
      throws OperatorCreationException {
    var signatureId =
        new DefaultSignatureAlgorithmIdentifierFinder().find(type.signatureAlgorithm);
    var digestId = new DefaultDigestAlgorithmIdentifierFinder().find(signatureId);
    return type == KeyType.ECDSA_P256
        ? new BcECContentSignerBuilder(signatureId, digestId).build(keys.getPrivate())
        : new BcRSAContentSignerBuilder(signatureId, digestId).build(keys.getPrivate());
  }

  private static BigInteger serial() {
    return new BigInteger(63, RANDOM);
  }

  private static Date notBefore(Instant now) {
    return Date.from(now.minus(Duration.ofDays(1)));
  }

  private static Date notAfter(Instant now) {
    return Date.from(now.plus(Duration.ofDays(30)));
  }
}
