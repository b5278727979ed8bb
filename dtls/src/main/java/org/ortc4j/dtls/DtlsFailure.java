package org.ortc4j.dtls;

/** Why a DTLS handshake or session failed: the reason carried by a {@link DtlsException}. */
public enum DtlsFailure {
  /** The peer's certificate matched none of the expected fingerprints (bad_certificate sent). */
  FINGERPRINT_MISMATCH,
  /** The client sent no certificate although the server requires one. */
  CERTIFICATE_MISSING,
  /** No SRTP profile in common, or the peer did not negotiate use_srtp at all. */
  NO_COMMON_SRTP_PROFILE,
  /**
   * As server: the client offered no cipher suite we accept (we take only forward-secret ECDHE
   * suites, so a peer offering only static-RSA key exchange lands here); handshake_failure sent.
   * As client the peer's refusal arrives as {@link #ALERT_RECEIVED}, and a server choosing a
   * suite we did not offer is a {@link #PROTOCOL_ERROR}.
   */
  NO_COMMON_CIPHER_SUITE,
  /** The handshake did not complete within the configured handshake timeout. */
  HANDSHAKE_TIMEOUT,
  /** The peer sent a fatal alert (see {@link DtlsException#alert()}). */
  ALERT_RECEIVED,
  /** {@link DtlsSession#close()} was called before the handshake completed. */
  CLOSED_LOCALLY,
  /** The peer sent close_notify before the handshake completed. */
  CLOSED_BY_PEER,
  /** The packet transport failed or was closed underneath the session. */
  TRANSPORT_ERROR,
  /** The peer broke the protocol; this side sent a fatal alert. */
  PROTOCOL_ERROR
}
