package org.ortc4j.api;

/** Why an {@link IceTransport} failed, or why its start ended without a connection. */
public enum IceTransportFailure {
  /** Every candidate pair failed its connectivity checks. */
  CHECKS_FAILED,
  /** No pair was selected within the connect timeout ({@link OrtcSettings#iceConnectTimeout()}). */
  CONNECT_TIMEOUT,
  /** The peer stopped answering consent checks (RFC 7675) for the consent timeout. */
  CONSENT_EXPIRED,
  /** A local error: a socket could not be used, the agent could not be set up. */
  LOCAL_ERROR,
  /** The transport (or its gatherer) was stopped before it connected. */
  STOPPED
}
