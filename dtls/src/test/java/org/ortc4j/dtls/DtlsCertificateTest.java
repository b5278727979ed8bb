package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generation, fingerprints and PEM of {@link DtlsCertificate}, cross-checked with OpenSSL. */
class DtlsCertificateTest {
  @TempDir Path directory;

  @Test
  void defaultCertificateIsEcdsaP256NamedOrtc4jValidFromYesterdayFor30Days() throws Exception {
    Instant before = Instant.now();
    DtlsCertificate certificate = DtlsCertificate.generate();
    Instant after = Instant.now();

    assertThat(certificate.keyType()).isEqualTo(CertificateKeyType.ECDSA_P256);
    assertThat(certificate.x509().getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(((ECPublicKey) certificate.x509().getPublicKey()).getParams().getOrder()
        .bitLength()).isEqualTo(256);
    assertThat(certificate.x509().getSubjectX500Principal().getName()).isEqualTo("CN=ortc4j");
    assertThat(certificate.x509().getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(certificate.notBefore()).isBetween(
        before.minus(Duration.ofDays(1)).minusSeconds(1), after.minus(Duration.ofDays(1)));
    assertThat(Duration.between(certificate.notBefore(), certificate.notAfter()))
        .isEqualTo(Duration.ofDays(30));
    assertThat(certificate.x509().getSerialNumber()).isPositive();
    certificate.x509().verify(certificate.x509().getPublicKey());
  }

  @Test
  void rsaCertificateHasA2048BitKeyAndTheGivenNameAndValidity() throws Exception {
    DtlsCertificate certificate =
        DtlsCertificate.generate(CertificateKeyType.RSA_2048, "media-server", Duration.ofDays(7));

    assertThat(certificate.keyType()).isEqualTo(CertificateKeyType.RSA_2048);
    assertThat(((RSAPublicKey) certificate.x509().getPublicKey()).getModulus().bitLength())
        .isEqualTo(2048);
    assertThat(certificate.x509().getSubjectX500Principal().getName())
        .isEqualTo("CN=media-server");
    assertThat(certificate.x509().getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(Duration.between(certificate.notBefore(), certificate.notAfter()))
        .isEqualTo(Duration.ofDays(7));
    certificate.x509().verify(certificate.x509().getPublicKey());
  }

  @ParameterizedTest
  @EnumSource(CertificateKeyType.class)
  void serialsAreRandomAndKeysFresh(CertificateKeyType type) {
    DtlsCertificate first = TestCertificates.get(type, 0);
    DtlsCertificate second = TestCertificates.get(type, 1);

    assertThat(first.x509().getSerialNumber()).isNotEqualTo(second.x509().getSerialNumber());
    assertThat(first.x509().getPublicKey()).isNotEqualTo(second.x509().getPublicKey());
  }

  @Test
  void x509ViewIsOneInstanceForEveryThreadAndEncodesTheDer() throws Exception {
    DtlsCertificate certificate = DtlsCertificate.generate();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<X509Certificate>> views = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        views.add(pool.submit(() -> {
          start.await(5, TimeUnit.SECONDS);
          return certificate.x509();
        }));
      }
      start.countDown();
      X509Certificate first = views.get(0).get(5, TimeUnit.SECONDS);
      for (Future<X509Certificate> view : views) {
        assertThat(view.get(5, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(first.getEncoded()).isEqualTo(certificate.der());
      assertThat(certificate.x509()).isSameAs(first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiryIsCheckedAgainstNotAfter() {
    DtlsCertificate shortLived =
        DtlsCertificate.generate(CertificateKeyType.ECDSA_P256, "x", Duration.ofSeconds(1));
    DtlsCertificate fresh = TestCertificates.ecdsa(0);

    assertThat(shortLived.isExpired(Instant.now())).isTrue();
    assertThat(fresh.isExpired(Instant.now())).isFalse();
    assertThat(fresh.isExpired(fresh.notAfter())).isFalse();
    assertThat(fresh.isExpired(fresh.notAfter().plusSeconds(1))).isTrue();
  }

  @Test
  void generationRejectsBadArguments() {
    assertThatThrownBy(() -> DtlsCertificate.generate(CertificateKeyType.ECDSA_P256, " ",
        Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DtlsCertificate.generate(CertificateKeyType.ECDSA_P256, "x",
        Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(CertificateKeyType.class)
  void fingerprintsOfAllFiveAlgorithmsEqualOpenSsls(CertificateKeyType type) throws Exception {
    DtlsCertificate certificate = TestCertificates.get(type, 0);
    Path pem = write("cert.pem", certificate.certificatePem());

    for (CertificateFingerprint fingerprint : certificate.fingerprints()) {
      String digest = "-" + fingerprint.algorithm().sdpName().replace("-", "");
      String printed = OpenSslProcess.run(directory, "x509", "-in", pem.toString(), "-noout",
          "-fingerprint", digest);
      assertThat(printed.trim().substring(printed.indexOf('=') + 1))
          .isEqualTo(fingerprint.value());
    }
    assertThat(certificate.fingerprints()).extracting(CertificateFingerprint::algorithm)
        .containsExactly(FingerprintAlgorithm.values());
  }

  @ParameterizedTest
  @EnumSource(CertificateKeyType.class)
  void pemRoundTripsAndOpenSslReadsItAsAMatchingPair(CertificateKeyType type) throws Exception {
    DtlsCertificate certificate = TestCertificates.get(type, 0);
    String pem = certificate.toPem();
    Path file = write("pair.pem", pem);

    DtlsCertificate reloaded = DtlsCertificate.fromPem(pem);

    assertThat(reloaded).isEqualTo(certificate);
    assertThat(reloaded.der()).isEqualTo(certificate.der());
    assertThat(reloaded.keyType()).isEqualTo(type);
    assertThat(reloaded.toPem()).isEqualTo(pem);
    assertThat(pem).contains("-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----");
    String certificateKey = OpenSslProcess.run(directory, "x509", "-in", file.toString(),
        "-noout", "-pubkey");
    String privateKeysPublic = OpenSslProcess.run(directory, "pkey", "-in", file.toString(),
        "-pubout");
    assertThat(privateKeysPublic).isEqualTo(certificateKey);
    assertThat(certificate.toString()).doesNotContain("PRIVATE").contains("sha-256");
  }

  @Test
  void importsOpenSslKeysInEveryUnencryptedFormAndHandshakesWithThem() throws Exception {
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key.pem");
    openssl("genrsa", "-traditional", "-out", "rsa.key.pem", "2048");
    DtlsCertificate ecLegacy = importWithSelfSigned("ec.key.pem", "EC PRIVATE KEY");
    DtlsCertificate rsaLegacy = importWithSelfSigned("rsa.key.pem", "RSA PRIVATE KEY");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", "ec8.key.pem");
    DtlsCertificate ecPkcs8 = importWithSelfSigned("ec8.key.pem", "BEGIN PRIVATE KEY");

    assertThat(ecLegacy.keyType()).isEqualTo(CertificateKeyType.ECDSA_P256);
    assertThat(rsaLegacy.keyType()).isEqualTo(CertificateKeyType.RSA_2048);
    assertThat(ecPkcs8.keyType()).isEqualTo(CertificateKeyType.ECDSA_P256);
    handshake(ecLegacy, rsaLegacy);
    handshake(rsaLegacy, ecPkcs8);
  }

  @Test
  void rejectsEncryptedKeys() throws Exception {
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-aes-256-cbc", "-pass", "pass:secret", "-out", "enc8.key.pem");
    openssl("genrsa", "-traditional", "-aes256", "-passout", "pass:secret",
        "-out", "encrsa.key.pem", "2048");
    String certificate = TestCertificates.ecdsa(0).certificatePem();

    for (String key : List.of("enc8.key.pem", "encrsa.key.pem")) {
      assertThatThrownBy(() -> DtlsCertificate.fromPem(certificate + read(key)))
          .isInstanceOf(CertificateFormatException.class)
          .hasMessageContaining("encrypted");
    }
  }

  @Test
  void rejectsMissingRepeatedAndMismatchedBlocks() {
    DtlsCertificate a = TestCertificates.ecdsa(0);
    DtlsCertificate b = TestCertificates.ecdsa(1);
    String keyOfB = b.toPem().substring(b.toPem().indexOf("-----BEGIN PRIVATE KEY"));
    String keyOfA = a.toPem().substring(a.toPem().indexOf("-----BEGIN PRIVATE KEY"));

    assertFormatError(a.certificatePem(), "no private key");
    assertFormatError(keyOfA, "no CERTIFICATE");
    assertFormatError(a.certificatePem() + keyOfB, "does not match");
    assertFormatError(a.certificatePem() + b.certificatePem() + keyOfA, "more than one");
    assertFormatError("", "no CERTIFICATE");
    assertFormatError("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n", "PEM");
    assertFormatError("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n", "PEM");
  }

  @Test
  void rejectsUnsupportedKeyTypes() throws Exception {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp384r1",
        "-nodes", "-keyout", "p384.key.pem", "-out", "p384.cert.pem", "-days", "3",
        "-subj", "/CN=p384");

    assertFormatError(read("p384.cert.pem") + read("p384.key.pem"), "unsupported");
  }

  private DtlsCertificate importWithSelfSigned(String key, String expectedBlock)
      throws Exception {
    String cert = key.replace(".key.", ".cert.");
    openssl("req", "-x509", "-new", "-key", key, "-out", cert, "-days", "3", "-subj",
        "/CN=" + key);
    assertThat(read(key)).contains(expectedBlock);
    DtlsCertificate imported = DtlsCertificate.fromPem(read(key) + read(cert));
    assertThat(imported.der()).isEqualTo(OpenSslInteropTest.certificateDer(read(cert)));
    return imported;
  }

  private static void handshake(DtlsCertificate client, DtlsCertificate server)
      throws Exception {
    MemoryPacketPipe pipe = new MemoryPacketPipe();
    try (SessionPair pair = new SessionPair(pipe.left, SessionPair.config(client, server).build(),
        pipe.right, SessionPair.config(server, client).build())) {
      assertThat(pair.client.handshake().get(20, TimeUnit.SECONDS).srtp())
          .isEqualTo(pair.serverResult().srtp());
    }
  }

  private static void assertFormatError(String pem, String message) {
    assertThatThrownBy(() -> DtlsCertificate.fromPem(pem))
        .isInstanceOf(CertificateFormatException.class)
        .hasMessageContaining(message);
  }

  private void openssl(String... args) throws Exception {
    OpenSslProcess.run(directory, args);
  }

  private String read(String name) throws Exception {
    return Files.readString(directory.resolve(name));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(directory.resolve(name), text);
  }
}
