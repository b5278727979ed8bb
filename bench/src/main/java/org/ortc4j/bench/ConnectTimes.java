package org.ortc4j.bench;

/**
 * One connection's set-up, split in two: gathering and ICE, then DTLS.
 *
 * @param iceNanos from the start of gathering to both sides' ICE CONNECTED
 * @param dtlsNanos from there to both sides' DTLS handshake done (SRTP keyed)
 */
record ConnectTimes(long iceNanos, long dtlsNanos) {
  /** Gathering to DTLS connected. */
  long totalNanos() {
    return iceNanos + dtlsNanos;
  }
}
