package org.ortc4j.ice;

/** Which local candidates an {@link IceAgent} gathers and uses, as W3C {@code RTCIceTransportPolicy}. */
public enum IceGatherPolicy {
  /** Host, server-reflexive and relay candidates. */
  ALL,
  /**
   * Relay candidates only: the host sockets are still bound (a TURN allocation needs one) but
   * neither signalled nor paired, so every check and datagram goes through the TURN server.
   */
  RELAY
}
