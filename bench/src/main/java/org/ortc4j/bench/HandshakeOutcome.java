package org.ortc4j.bench;

/**
 * One measured DTLS handshake: its wall time, the CPU time both ends spent on it, and what both
 * ends agreed on.
 *
 * @param wallNanos from creating both ends to both ends holding the SRTP keying material
 * @param cpuNanos the CPU time of both ends' threads over the handshake (for OpenSSL, of the one
 *     process stepping both ends)
 * @param cipherSuite the negotiated cipher suite, in the library's own spelling
 * @param group the key exchange group, in the library's own spelling
 * @param srtpProfile the negotiated SRTP protection profile
 * @param keysEqual whether both ends exported the same, non-empty SRTP keying material
 */
record HandshakeOutcome(
    long wallNanos,
    long cpuNanos,
    String cipherSuite,
    String group,
    String srtpProfile,
    boolean keysEqual) {}
