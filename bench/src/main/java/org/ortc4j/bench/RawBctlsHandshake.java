package org.ortc4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The raw-bctls baseline: a DTLS-SRTP handshake written straight on BouncyCastle's {@code
 * DTLSClientProtocol} and {@code DTLSServerProtocol}, configured like ortc4j's (DTLS 1.2,
 * ECDHE_ECDSA AEAD suites, use_srtp with ortc4j's default profile order, extended master secret
 * required, the server requiring a client certificate, both ends checking the peer's SHA-256
 * fingerprint inside the handshake). What ortc4j's wrapper adds is the difference between the two.
 *
 * <p>The server end runs on one long-lived thread, the client end on the caller's thread, over an
 * {@link InMemoryDatagramPipe}. Not thread-safe: one handshake at a time.
 */
final class RawBctlsHandshake implements HandshakeScenario {
  /** Which {@code TlsCrypto} both ends use. */
  enum Crypto {
    /** {@code BcTlsCrypto}: BouncyCastle's lightweight primitives. */
    BC,
    /** {@code JcaTlsCrypto} over the JDK's default providers (SunEC, SunJCE). */
    JCA
  }

  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
  };
  private static final int[] SRTP_PROFILES = {
    SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
    SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM,
    SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
    SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32
  };
  private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Crypto kind;
  private final TlsCrypto crypto;
  private final int group;
  private final LocalIdentity clientIdentity;
  private final LocalIdentity serverIdentity;
  private final ExecutorService serverThread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "raw-bctls-server");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param group the only key exchange group the client offers (a {@link NamedGroup} value), or
   *     -1 for BouncyCastle's default list
   */
  RawBctlsHandshake(Crypto kind, int group) {
    this.kind = kind;
    this.crypto =
        kind == Crypto.BC
            ? new BcTlsCrypto(new SecureRandom())
            : new JcaTlsCryptoProvider().create(new SecureRandom());
    this.group = group;
    this.clientIdentity = new LocalIdentity("client", kind);
    this.serverIdentity = new LocalIdentity("server", kind);
  }

  /** Runs one full handshake and checks both ends exported the same SRTP keying material. */
  @Override
  public HandshakeOutcome run() throws Exception {
    InMemoryDatagramPipe pipe = new InMemoryDatagramPipe();
    long start = System.nanoTime();
    Future<EndResult> server = serverThread.submit(() -> accept(pipe.server()));
    EndResult client = connectOrExplain(pipe.client(), server);
    EndResult served = server.get(10, TimeUnit.SECONDS);
    long wall = System.nanoTime() - start;
    client.transport.close();
    served.transport.close();
    return new HandshakeOutcome(
        wall,
        client.cpuNanos + served.cpuNanos,
        client.negotiated.cipherSuite,
        pipe.observedGroup(),
        client.negotiated.profile.name(),
        client.negotiated.keys.length > 0
            && Arrays.equals(client.negotiated.keys, served.negotiated.keys));
  }

  @Override
  public String library() {
    return bouncyCastleVersion() + ", " + crypto.getClass().getSimpleName();
  }

  @Override
  public void close() {
    serverThread.shutdownNow();
  }

  /** "BouncyCastle 1.84" (the shaded jar has no manifest versions; the provider knows its own). */
  static String bouncyCastleVersion() {
    return "BouncyCastle " + new BouncyCastleProvider().getVersionStr();
  }

  /** What one end negotiated. */
  private record Negotiated(byte[] keys, SrtpProfile profile, String cipherSuite) {}

  /** One end's view of a finished handshake. */
  private record EndResult(DTLSTransport transport, long cpuNanos, Negotiated negotiated) {}

  /** Connects; if that fails, the server's own failure (usually the cause) is attached. */
  private EndResult connectOrExplain(DatagramTransport transport, Future<EndResult> server)
      throws IOException, InterruptedException {
    try {
      return connect(transport);
    } catch (IOException clientFailure) {
      try {
        server.get(1, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException serverFailure) {
        clientFailure.addSuppressed(serverFailure);
      }
      throw clientFailure;
    }
  }

  private EndResult connect(DatagramTransport transport) throws IOException {
    long cpu = THREADS.getCurrentThreadCpuTime();
    Client client = new Client();
    DTLSTransport dtls = new DTLSClientProtocol().connect(client, transport);
    return client.endResult(dtls, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  private EndResult accept(DatagramTransport transport) throws IOException {
    long cpu = THREADS.getCurrentThreadCpuTime();
    Server server = new Server();
    DTLSTransport dtls = new DTLSServerProtocol().accept(server, transport);
    return server.endResult(dtls, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  private TlsCredentialedSigner signer(TlsContext context, LocalIdentity local)
      throws IOException {
    TlsCertificate certificate = crypto.createCertificate(local.der);
    Certificate chain = new Certificate(new TlsCertificate[] {certificate});
    TlsCryptoParameters parameters = new TlsCryptoParameters(context);
    return kind == Crypto.BC
        ? new BcDefaultTlsCredentialedSigner(
            parameters, (BcTlsCrypto) crypto, local.identity.privateKey(), chain, ECDSA_SHA256)
        : new JcaDefaultTlsCredentialedSigner(
            parameters, (JcaTlsCrypto) crypto, local.jcaPrivateKey, chain, ECDSA_SHA256);
  }

  /** Fails the handshake with bad_certificate unless the peer's certificate has the fingerprint. */
  private static void checkFingerprint(Certificate chain, LocalIdentity expected)
      throws IOException {
    if (chain == null || chain.isEmpty()) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "no certificate");
    }
    byte[] actual = sha256(chain.getCertificateAt(0).getEncoded());
    if (!MessageDigest.isEqual(actual, expected.sha256)) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "fingerprint mismatch");
    }
  }

  /**
   * An identity with what every handshake needs from it computed once: its DER, its SHA-256
   * fingerprint (what the peer expects) and, for {@code JcaTlsCrypto}, its JCA private key.
   */
  private static final class LocalIdentity {
    final BcpkixCertificates.Identity identity;
    final byte[] der;
    final byte[] sha256;
    final PrivateKey jcaPrivateKey;

    LocalIdentity(String commonName, Crypto kind) {
      identity =
          BcpkixCertificates.generateLightweight(
              BcpkixCertificates.KeyType.ECDSA_P256, commonName);
      der = identity.der();
      sha256 = sha256(der);
      jcaPrivateKey = kind == Crypto.JCA ? identity.jcaPrivateKey() : null;
    }
  }

  private static byte[] sha256(byte[] der) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(der);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What one end negotiated, read inside {@code notifyHandshakeComplete}: BouncyCastle allows the
   * key export only there.
   */
  private static Negotiated negotiated(TlsContext context, int profileId) throws IOException {
    SrtpProfile profile =
        SrtpProfile.fromId(profileId)
            .orElseThrow(() -> new TlsFatalAlert(AlertDescription.illegal_parameter));
    byte[] keys =
        context.exportKeyingMaterial(
            ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    int suite = context.getSecurityParametersConnection().getCipherSuite();
    return new Negotiated(keys, profile, cipherSuiteName(suite));
  }

  private final class Client extends DefaultTlsClient {
    private int profileId = -1;
    private Negotiated negotiated;

    Client() {
      super(crypto);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return CIPHER_SUITES.clone();
    }

    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's signature
    protected Vector<Integer> getSupportedGroups(Vector namedGroupRoles) {
      if (group < 0) {
        @SuppressWarnings("unchecked")
        Vector<Integer> defaults = super.getSupportedGroups(namedGroupRoles);
        return defaults;
      }
      Vector<Integer> only = new Vector<>();
      only.add(group);
      return only;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
      return true;
    }

    @Override
    public Hashtable<Integer, byte[]> getClientExtensions() throws IOException {
      @SuppressWarnings("unchecked")
      Hashtable<Integer, byte[]> extensions =
          TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(
          extensions, new UseSRTPData(SRTP_PROFILES, TlsUtils.EMPTY_BYTES));
      return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's signature
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      UseSRTPData echoed = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
      if (echoed == null || echoed.getProtectionProfiles().length != 1) {
        throw new TlsFatalAlert(AlertDescription.illegal_parameter, "no use_srtp echo");
      }
      profileId = echoed.getProtectionProfiles()[0];
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate serverCertificate)
            throws IOException {
          checkFingerprint(serverCertificate.getCertificate(), serverIdentity);
        }

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request)
            throws IOException {
          return signer(context, clientIdentity);
        }
      };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      negotiated = negotiated(context, profileId);
    }

    EndResult endResult(DTLSTransport dtls, long cpuNanos) {
      return new EndResult(dtls, cpuNanos, negotiated);
    }
  }

  private final class Server extends DefaultTlsServer {
    private int profileId = -1;
    private Negotiated negotiated;

    Server() {
      super(crypto);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return CIPHER_SUITES.clone();
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
      return true;
    }

    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's signature
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
      super.processClientExtensions(clientExtensions);
      UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
      profileId = offered == null ? -1 : firstCommonProfile(offered.getProtectionProfiles());
      if (profileId < 0) {
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP profile");
      }
    }

    @Override
    public Hashtable<Integer, byte[]> getServerExtensions() throws IOException {
      @SuppressWarnings("unchecked")
      Hashtable<Integer, byte[]> extensions =
          TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
      TlsSRTPUtils.addUseSRTPExtension(
          extensions, new UseSRTPData(new int[] {profileId}, TlsUtils.EMPTY_BYTES));
      return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
      short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
      return new CertificateRequest(
          types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
      checkFingerprint(clientCertificate, clientIdentity);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
      return signer(context, serverIdentity);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      negotiated = negotiated(context, profileId);
    }

    EndResult endResult(DTLSTransport dtls, long cpuNanos) {
      return new EndResult(dtls, cpuNanos, negotiated);
    }
  }

  private static String cipherSuiteName(int suite) {
    switch (suite) {
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
        return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
        return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256:
        return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
      default:
        return "0x" + Integer.toHexString(suite);
    }
  }

  /** The first of our profiles (our order wins) that the client offers, or -1. */
  private static int firstCommonProfile(int[] offered) {
    for (int ours : SRTP_PROFILES) {
      for (int theirs : offered) {
        if (ours == theirs) {
          return ours;
        }
      }
    }
    return -1;
  }
}
