package org.ortc4j.bench;

import java.security.SecureRandom;
import java.util.Arrays;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;
import org.ortc4j.srtp.SrtpStatus;

/**
 * The reference for {@link MediaThroughput}: {@link SrtpContext} protect then unprotect of the
 * same packets (same payload size, same profile), one thread, nothing else: how many packets/s
 * the SRTP work of one direction allows on one core.
 */
final class SrtpRoundTrip {
  private final SrtpContext outbound;
  private final SrtpContext inbound;
  private final byte[] plain;
  private final byte[] buf = new byte[1500];
  private int sequence;

  SrtpRoundTrip(SrtpProfile profile) {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    random.nextBytes(key);
    random.nextBytes(salt);
    outbound = SrtpContext.outbound(profile, key, salt, SrtpOptions.defaults());
    inbound = SrtpContext.inbound(profile, key, salt, SrtpOptions.defaults());
    plain = new RtpPacket(new RtpHeader(false, 96, 0, 0, 0xC0C0_0003L),
        new byte[MediaThroughput.PAYLOAD]).serialize();
  }

  /** Round trips for {@code seconds}; returns packets/s. */
  double rate(double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long count = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 256; i++) {
        roundTrip();
      }
      count += 256;
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** The median of {@code rounds} rounds of {@code seconds}, after one untimed round. */
  double medianRate(int rounds, double seconds) {
    rate(seconds);
    double[] rates = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      rates[i] = rate(seconds);
    }
    Arrays.sort(rates);
    return rates[rounds / 2];
  }

  private void roundTrip() {
    System.arraycopy(plain, 0, buf, 0, plain.length);
    int seq = sequence++ & 0xFFFF;
    buf[2] = (byte) (seq >>> 8);
    buf[3] = (byte) seq;
    if (outbound.protectRtp(buf, 0, plain.length) != SrtpStatus.OK
        || inbound.unprotectRtp(buf, 0, plain.length + outbound.rtpOverhead())
            != SrtpStatus.OK) {
      throw new IllegalStateException("SRTP round trip failed at packet " + sequence);
    }
  }
}
