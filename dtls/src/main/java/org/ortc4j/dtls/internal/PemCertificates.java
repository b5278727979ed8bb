package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.ortc4j.dtls.CertificateFormatException;
import org.ortc4j.dtls.CertificateKeyType;

/**
 * PEM export and import of a certificate with its private key.
 *
 * <p>Import accepts one {@code CERTIFICATE} block and one unencrypted private key block in
 * any of the three forms OpenSSL writes: {@code PRIVATE KEY} (PKCS #8), {@code EC PRIVATE KEY}
 * (RFC 5915) and {@code RSA PRIVATE KEY} (PKCS #1). An {@code EC PARAMETERS} block, which
 * {@code openssl ecparam -genkey} writes first, is skipped.
 */
public final class PemCertificates {
  private static final ECDomainParameters P256 =
      ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, new byte[] {'\n'});

  private PemCertificates() {}

  /** The certificate and then its PKCS #8 private key as PEM text. */
  public static String toPem(byte[] der, PrivateKeyInfo keyInfo) {
    try {
      return block("CERTIFICATE", der) + block("PRIVATE KEY", keyInfo.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the private key", e);
    }
  }

  /** A single PEM block of {@code type} around {@code der}. */
  public static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /**
   * Reads a certificate and its private key.
   *
   * @throws CertificateFormatException when a block is missing, repeated, encrypted or of an
   *     unsupported kind, or when the key does not belong to the certificate
   */
  public static CertificateMaterial fromPem(String pem) {
    Blocks blocks = readBlocks(pem);
    if (blocks.certificate == null) {
      throw new CertificateFormatException("no CERTIFICATE block in the PEM text");
    }
    if (blocks.key == null) {
      throw new CertificateFormatException("no private key block in the PEM text");
    }
    SubjectPublicKeyInfo publicKey = blocks.certificate.getSubjectPublicKeyInfo();
    CertificateKeyType type = keyType(publicKey);
    AsymmetricKeyParameter privateKey = privateKey(blocks.key);
    checkKeyPair(publicKey, privateKey);
    return new CertificateMaterial(encoded(blocks.certificate),
        blocks.certificate.toASN1Structure(), blocks.key, privateKey, type);
  }

  private static final class Blocks {
    X509CertificateHolder certificate;
    PrivateKeyInfo key;
  }

  private static Blocks readBlocks(String pem) {
    Blocks blocks = new Blocks();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        addBlock(blocks, item);
      }
    } catch (CertificateFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports bad base64 and bad DER with unchecked exceptions
      throw new CertificateFormatException("unreadable PEM: " + e.getMessage(), e);
    }
    return blocks;
  }

  private static void addBlock(Blocks blocks, Object item) {
    if (item instanceof X509CertificateHolder certificate) {
      if (blocks.certificate != null) {
        throw new CertificateFormatException("more than one CERTIFICATE block");
      }
      blocks.certificate = certificate;
    } else if (item instanceof PrivateKeyInfo || item instanceof PEMKeyPair) {
      if (blocks.key != null) {
        throw new CertificateFormatException("more than one private key block");
      }
      blocks.key = item instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
          : (PrivateKeyInfo) item;
    } else if (item instanceof PKCS8EncryptedPrivateKeyInfo
        || item instanceof PEMEncryptedKeyPair) {
      throw new CertificateFormatException(
          "encrypted private keys are not supported: decrypt it first (openssl pkey)");
    } else if (!(item instanceof ASN1ObjectIdentifier)) {
      // an ASN1ObjectIdentifier is an EC PARAMETERS block naming the curve: harmless
      throw new CertificateFormatException(
          "unsupported PEM block: " + item.getClass().getSimpleName());
    }
  }

  private static CertificateKeyType keyType(SubjectPublicKeyInfo publicKey) {
    AsymmetricKeyParameter key = publicKey(publicKey);
    if (key instanceof ECPublicKeyParameters ec && isP256(ec.getParameters())) {
      return CertificateKeyType.ECDSA_P256;
    }
    if (key instanceof RSAKeyParameters rsa && rsa.getModulus().bitLength() == 2048) {
      return CertificateKeyType.RSA_2048;
    }
    throw new CertificateFormatException(
        "unsupported certificate key: only ECDSA P-256 and RSA-2048 are supported");
  }

  private static boolean isP256(ECDomainParameters domain) {
    return domain.getCurve().equals(P256.getCurve()) && domain.getG().equals(P256.getG())
        && domain.getN().equals(P256.getN());
  }

  private static AsymmetricKeyParameter publicKey(SubjectPublicKeyInfo info) {
    try {
      return PublicKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new CertificateFormatException("unreadable certificate public key", e);
    }
  }

  private static AsymmetricKeyParameter privateKey(PrivateKeyInfo info) {
    try {
      return PrivateKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new CertificateFormatException("unreadable or unsupported private key", e);
    }
  }

  private static void checkKeyPair(SubjectPublicKeyInfo info, AsymmetricKeyParameter privateKey) {
    AsymmetricKeyParameter publicKey = publicKey(info);
    boolean matches;
    if (publicKey instanceof ECPublicKeyParameters ec
        && privateKey instanceof ECPrivateKeyParameters priv) {
      matches = new FixedPointCombMultiplier()
          .multiply(ec.getParameters().getG(), priv.getD()).normalize().equals(ec.getQ());
    } else if (publicKey instanceof RSAKeyParameters rsa
        && privateKey instanceof RSAPrivateCrtKeyParameters priv) {
      matches = rsa.getModulus().equals(priv.getModulus())
          && rsa.getExponent().equals(priv.getPublicExponent());
    } else {
      matches = false;
    }
    if (!matches) {
      throw new CertificateFormatException("the private key does not match the certificate");
    }
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new CertificateFormatException("cannot encode the certificate", e);
    }
  }
}
