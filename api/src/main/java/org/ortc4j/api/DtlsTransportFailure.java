package org.ortc4j.api;

/** Why a {@link DtlsTransport} failed, or why its start ended without a connection. */
public enum DtlsTransportFailure {
  /** The peer's certificate matched none of the signalled fingerprints. */
  FINGERPRINT_MISMATCH,
  /** The peer sent no certificate (the client certificate is required). */
  CERTIFICATE_MISSING,
  /** The peers share no SRTP protection profile. */
  NO_COMMON_SRTP_PROFILE,
  /**
   * As DTLS server: the peer offered no cipher suite we accept (only forward-secret ECDHE suites
   * are; a peer offering only static-RSA key exchange lands here). As client, a peer that
   * refuses our suites shows as {@link #ALERT_RECEIVED} with its handshake_failure alert.
   */
  NO_COMMON_CIPHER_SUITE,
  /** The handshake did not finish within {@link OrtcSettings#dtlsHandshakeTimeout()}. */
  HANDSHAKE_TIMEOUT,
  /**
   * Both sides took the same DTLS role: as client we received the peer's ClientHello, or as
   * server no ClientHello came, or as client nothing at all came, within {@link
   * OrtcSettings#dtlsRoleConflictTimeout()} (a peer that never starts DTLS looks the same).
   */
  ROLE_CONFLICT,
  /** The peer sent a fatal alert (see {@link DtlsTransportException#alert()}). */
  ALERT_RECEIVED,
  /** The ICE transport under it failed. */
  ICE_FAILED,
  /** The ICE transport under it was stopped before the handshake finished. */
  ICE_CLOSED,
  /** {@link DtlsTransport#stop()} was called before the handshake finished. */
  STOPPED,
  /** The peer closed the session (close_notify) before the handshake finished. */
  CLOSED_BY_PEER,
  /** Any other handshake error (malformed messages, a send that failed). */
  PROTOCOL_ERROR
}
