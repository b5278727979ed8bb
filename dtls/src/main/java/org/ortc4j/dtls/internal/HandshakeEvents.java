package org.ortc4j.dtls.internal;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsAlert;
import org.ortc4j.dtls.DtlsFailure;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpProfile;

/**
 * What the BouncyCastle callbacks learn during a handshake, read by the session when the
 * handshake ends. Written on the session thread; volatile because close() and the tests read it
 * from others.
 */
public final class HandshakeEvents {
  private volatile DtlsFailure localFailure;
  private volatile String localFailureMessage;
  private volatile DtlsAlert lastAlert;
  private volatile boolean closeNotifyReceived;
  private volatile List<byte[]> remoteChain = List.of();
  private volatile CertificateFingerprint matchedFingerprint;
  private volatile SrtpProfile srtpProfile;
  private volatile SrtpKeyingMaterial srtpKeys;
  private volatile SecurityParameters parameters;

  /** The RFC 5764 §4.2 exporter label for SRTP keying material. */
  static final String SRTP_EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  /** Records a failure our own checks found, just before they raise the alert. */
  void failLocally(DtlsFailure reason, String message) {
    if (localFailure == null) {
      localFailure = reason;
      localFailureMessage = message;
    }
  }

  void alertRaised(short description) {
    lastAlert = new DtlsAlert(description, false);
  }

  void alertReceived(short description, boolean fatal) {
    if (description == org.bouncycastle.tls.AlertDescription.close_notify) {
      closeNotifyReceived = true;
    } else if (fatal) {
      lastAlert = new DtlsAlert(description, true);
    }
  }

  void remoteCertificate(List<byte[]> chain, CertificateFingerprint matched) {
    remoteChain = List.copyOf(chain);
    matchedFingerprint = matched;
  }

  void srtpProfile(SrtpProfile profile) {
    srtpProfile = profile;
  }

  /**
   * Captures the negotiated parameters and exports the SRTP keys: BouncyCastle allows export
   * only from inside notifyHandshakeComplete().
   */
  void handshakeComplete(TlsContext context) {
    parameters = context.getSecurityParametersConnection();
    SrtpProfile profile = srtpProfile;
    if (profile != null) {
      byte[] exported = context.exportKeyingMaterial(
          SRTP_EXPORTER_LABEL, null, profile.keyingMaterialLength());
      srtpKeys = SrtpKeyingMaterial.fromExported(profile, exported);
      Arrays.fill(exported, (byte) 0);
    }
  }

  /** The SRTP keys, or null before the handshake completed or without SRTP. */
  public SrtpKeyingMaterial srtpKeys() {
    return srtpKeys;
  }

  /** The connection's security parameters, or null before the handshake completed. */
  public SecurityParameters parameters() {
    return parameters;
  }

  /** A failure our own checks found (fingerprint, SRTP, missing certificate), or null. */
  public DtlsFailure localFailure() {
    return localFailure;
  }

  /** The message of {@link #localFailure()}, or null. */
  public String localFailureMessage() {
    return localFailureMessage;
  }

  /** The last fatal alert sent or received, or null. */
  public DtlsAlert lastAlert() {
    return lastAlert;
  }

  /** Whether the peer sent close_notify. */
  public boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  /** The peer's certificate chain as DER, empty before it was verified. */
  public List<byte[]> remoteChain() {
    return remoteChain;
  }

  /** The configured fingerprint the peer matched, or null. */
  public CertificateFingerprint matchedFingerprint() {
    return matchedFingerprint;
  }

  /** The negotiated SRTP profile, or null. */
  public SrtpProfile srtpProfile() {
    return srtpProfile;
  }
}
