package org.ortc4j.ice;

/** Why an {@link IceAgent} reached {@link IceConnectionState#FAILED}. */
public enum IceFailureReason {
  /** Every candidate pair failed its checks. */
  CHECKS_FAILED,
  /** No pair was selected within the connect timeout. */
  CONNECT_TIMEOUT,
  /** The selected pair stopped answering consent checks for the consent timeout. */
  CONSENT_EXPIRED,
  /** A local error (a socket could not be bound, ice4j threw). */
  LOCAL_ERROR
}
