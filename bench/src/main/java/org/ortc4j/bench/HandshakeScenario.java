package org.ortc4j.bench;

/**
 * A DTLS-SRTP handshake to measure, both ends in this JVM: each {@link #run()} is one full
 * handshake between fresh ends (the certificates, crypto objects and server thread are made once).
 */
interface HandshakeScenario extends AutoCloseable {

  /**
   * Runs one handshake to the end.
   *
   * @throws Exception if the handshake fails or takes more than 10 seconds
   */
  HandshakeOutcome run() throws Exception;

  /** What the scenario runs, e.g. "BouncyCastle 1.84, BcTlsCrypto". */
  String library();

  /** Stops the scenario's threads. */
  @Override
  void close();
}
