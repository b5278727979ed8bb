package org.ortc4j.dtls.internal;

import java.io.IOException;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.ortc4j.dtls.DtlsAlert;
import org.ortc4j.dtls.DtlsException;
import org.ortc4j.dtls.DtlsFailure;

/**
 * Turns whatever ended a handshake or session into a {@link DtlsException} with a typed reason.
 * Our own findings (fingerprint, SRTP, missing certificate) win over the exception BouncyCastle
 * threw for them; a local close wins over everything, since it is what made the rest fail.
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  /** Classifies {@code cause}, thrown by the handshake or by a receive after it. */
  public static DtlsException classify(
      Throwable cause, HandshakeEvents events, boolean closedLocally) {
    DtlsAlert alert = events.lastAlert();
    if (closedLocally) {
      return new DtlsException(DtlsFailure.CLOSED_LOCALLY, "the session was closed", null, cause);
    }
    if (events.localFailure() != null) {
      return new DtlsException(events.localFailure(), events.localFailureMessage(), alert, cause);
    }
    if (cause instanceof TlsFatalAlertReceived received) {
      return new DtlsException(DtlsFailure.ALERT_RECEIVED, "the peer sent a fatal alert",
          new DtlsAlert(received.getAlertDescription(), true), cause);
    }
    if (events.closeNotifyReceived()) {
      return new DtlsException(DtlsFailure.CLOSED_BY_PEER, "the peer sent close_notify",
          null, cause);
    }
    if (cause instanceof TlsTimeoutException) {
      return new DtlsException(DtlsFailure.HANDSHAKE_TIMEOUT,
          "the handshake did not complete in time", alert, cause);
    }
    if (cause instanceof TlsFatalAlert fatal) {
      return new DtlsException(DtlsFailure.PROTOCOL_ERROR, String.valueOf(fatal.getMessage()),
          new DtlsAlert(fatal.getAlertDescription(), false), cause);
    }
    String message = cause instanceof IOException ? "the packet transport failed: "
        : "unexpected failure: ";
    return new DtlsException(cause instanceof IOException ? DtlsFailure.TRANSPORT_ERROR
        : DtlsFailure.PROTOCOL_ERROR, message + cause, alert, cause);
  }
}
