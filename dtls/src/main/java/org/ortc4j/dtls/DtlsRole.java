package org.ortc4j.dtls;

/** Which side of the DTLS handshake a {@link DtlsSession} plays. */
public enum DtlsRole {
  /** Sends the ClientHello; writes SRTP with the client key and salt. */
  CLIENT,
  /** Answers the ClientHello and picks the SRTP profile; writes SRTP with the server half. */
  SERVER
}
