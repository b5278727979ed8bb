package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsServerCertificate;

/**
 * The DTLS client side for BouncyCastle: DTLS 1.2 only, ECDHE suites, extended master secret
 * required, use_srtp offered, the server's certificate checked against the expected
 * fingerprints, and our certificate sent when the server asks (WebRTC peers always do).
 */
public final class DtlsClientPeer extends DefaultTlsClient {
  private final PeerSettings settings;
  private final HandshakeEvents events;
  private final LocalCredentials credentials;
  private final FingerprintVerifier verifier;
  private final SrtpNegotiation srtp;

  /** A client for one handshake. */
  public DtlsClientPeer(PeerSettings settings, HandshakeEvents events) {
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
    return CipherSuites.all();
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
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions =
        TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
    srtp.offer(extensions);
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    srtp.checkAnswer(serverExtensions);
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        verifier.verify(serverCertificate.getCertificate());
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        return credentials.signer(context, request.getSupportedSignatureAlgorithms());
      }
    };
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
}
