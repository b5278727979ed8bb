package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes allocated per packet on the hot path once the JIT has warmed up, measured with {@link
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (not a timing assertion).
 *
 * <p>AES-CM allocates nothing. The JDK's AES-GCM needs a {@code Cipher.init} per packet (a new
 * IV) and builds its GCTR/GHASH engine objects inside it: measured on JDK 17.0.15, about 1 KB
 * per packet operation (~2 KB per protect + unprotect pair), independent of packet size. The
 * bound documents that and catches anything ortc4j would add on top.
 */
class SrtpAllocationTest {
  private static final int WARM_UP = 30_000;
  private static final int MEASURED = 10_000;

  @ParameterizedTest(name = "{0} {1}-byte payload, RTP")
  @CsvSource({
      "AES128_CM_HMAC_SHA1_80, 1200, 0",
      "AES128_CM_HMAC_SHA1_80, 160,  0",
      "AES128_CM_HMAC_SHA1_32, 1200, 0",
      "AEAD_AES_128_GCM,       1200, 3000",
      "AEAD_AES_256_GCM,       160,  3000"
  })
  void protectAndUnprotectAllocateAtMost(SrtpProfile profile, int payload, long maxPerPacket) {
    Loop loop = new Loop(profile, payload);
    loop.run(WARM_UP);

    long before = allocatedBytes();
    loop.run(MEASURED);
    long perPacket = (allocatedBytes() - before) / MEASURED;

    System.out.printf("%s payload %d: %d bytes allocated per protect+unprotect%n",
        profile, payload, perPacket);
    assertThat(perPacket).isLessThanOrEqualTo(maxPerPacket);
  }

  @ParameterizedTest(name = "{0} RTCP and direct buffers")
  @CsvSource({"AES128_CM_HMAC_SHA1_80, 0", "AEAD_AES_128_GCM, 3000"})
  void rtcpAndDirectBuffersAllocateAtMost(SrtpProfile profile, long maxPerPacket) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    byte[] plain = Fixtures.rtcp(Fixtures.SSRC);
    ByteBuffer direct = ByteBuffer.allocateDirect(100);
    Runnable once = () -> {
      direct.clear();
      direct.put(plain).flip();
      out.protectRtcp(direct);
      in.unprotectRtcp(direct);
    };
    for (int i = 0; i < WARM_UP; i++) {
      once.run();
    }

    long before = allocatedBytes();
    for (int i = 0; i < MEASURED; i++) {
      once.run();
    }
    long perPacket = (allocatedBytes() - before) / MEASURED;

    System.out.printf("%s RTCP direct: %d bytes per protect+unprotect%n", profile, perPacket);
    assertThat(in.counters().rtcp(SrtpStatus.OK)).isEqualTo(WARM_UP + MEASURED);
    assertThat(perPacket).isLessThanOrEqualTo(maxPerPacket);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /** Protects and unprotects one reused buffer, advancing the sequence number each time. */
  private static final class Loop {
    private final SrtpContext out;
    private final SrtpContext in;
    private final byte[] plain;
    private final byte[] buf;
    private int seq;

    Loop(SrtpProfile profile, int payload) {
      this.out = Fixtures.outbound(profile, SrtpOptions.defaults());
      this.in = Fixtures.inbound(profile, SrtpOptions.defaults());
      this.plain = Fixtures.rtp(Fixtures.SSRC, 0, payload);
      this.buf = new byte[plain.length + 16];
    }

    void run(int packets) {
      for (int i = 0; i < packets; i++) {
        System.arraycopy(plain, 0, buf, 0, plain.length);
        buf[2] = (byte) (seq >>> 8);
        buf[3] = (byte) seq;
        seq = (seq + 1) & 0xffff;
        if (out.protectRtp(buf, 0, plain.length) != SrtpStatus.OK
            || in.unprotectRtp(buf, 0, plain.length + out.rtpOverhead()) != SrtpStatus.OK) {
          throw new AssertionError("round trip failed at " + seq);
        }
      }
    }
  }
}
