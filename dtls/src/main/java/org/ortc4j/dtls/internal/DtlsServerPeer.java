package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.ortc4j.dtls.DtlsFailure;

/**
 * The DTLS server side for BouncyCastle: DTLS 1.2 only, ECDHE suites for our key type (ECDSA
 * ones added, which BouncyCastle's defaults lack), extended master secret required, use_srtp
 * chosen in our order, and a client certificate required and checked against the expected
 * fingerprints.
 */
public final class DtlsServerPeer extends DefaultTlsServer {
  private final PeerSettings settings;
  private final HandshakeEvents events;
  private final LocalCredentials credentials;
  private final FingerprintVerifier verifier;
  private final SrtpNegotiation srtp;

  /** A server for one handshake. */
  public DtlsServerPeer(PeerSettings settings, HandshakeEvents events) {
    super(SharedCrypto.CRYPTO);
    this.settings = settings;
    this.events = events;
    this.credentials = new LocalCredentials(settings);
    this.verifier = new FingerprintVerifier(settings.remoteFingerprints(), events);
    this.srtp = new SrtpNegotiation(settings.srtpProfiles(), events);
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return CipherSuites.forServer(settings.keyType());
  }

  /** Our order wins (AEAD first): a client listing CBC first still gets AES-GCM. */
  @Override
  protected boolean preferLocalCipherSuites() {
    return true;
  }

  /**
   * BouncyCastle's choice, with a client that offered nothing we take (e.g. only static-RSA key
   * exchange, which has no forward secrecy) reported as {@link
   * DtlsFailure#NO_COMMON_CIPHER_SUITE} instead of a bare handshake_failure.
   */
  @Override
  public int getSelectedCipherSuite() throws IOException {
    try {
      return super.getSelectedCipherSuite();
    } catch (TlsFatalAlert e) {
      if (e.getAlertDescription() == AlertDescription.handshake_failure) {
        events.failLocally(DtlsFailure.NO_COMMON_CIPHER_SUITE, "no cipher suite in common: ours "
            + CipherSuites.names(getCipherSuites()) + ", offered "
            + CipherSuites.names(offeredCipherSuites));
      }
      throw e;
    }
  }

  @Override
  public boolean requiresExtendedMasterSecret() {
    return true;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return settings.handshakeTimeoutMillis();
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return settings.initialResendMillis();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    srtp.select(clientExtensions);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    srtp.answer(castExtensions(extensions));
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
    verifier.verify(clientCertificate);
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    return credentials.isEcdsa() ? signer() : null;
  }

  @Override
  protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
    return credentials.isEcdsa() ? null : signer();
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    events.handshakeComplete(context);
  }

  @Override
  public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
    if (level == AlertLevel.fatal) {
      events.alertRaised(description);
    }
  }

  @Override
  public void notifyAlertReceived(short level, short description) {
    events.alertReceived(description, level == AlertLevel.fatal);
  }

  private TlsCredentialedSigner signer() throws IOException {
    return credentials.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Hashtable<Integer, byte[]> castExtensions(Hashtable extensions) {
    return extensions;
  }
}
