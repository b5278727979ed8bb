package org.ortc4j.bench;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;
import org.ortc4j.srtp.SrtpStatus;

/**
 * SRTP protect and unprotect of RTP packets: ortc4j side by side with jitsi-srtp (pure Java and
 * OpenSSL) and with the least the JDK's primitives must do ({@link RawJdkSrtp}, the floor), for
 * AES128_CM_HMAC_SHA1_80 and AEAD_AES_128_GCM, with 1200- and 160-byte payloads.
 *
 * <p>Every invocation processes a ring of {@link SrtpScenarios#RING} packets in place, one
 * operation each ({@link OperationsPerInvocation}), so the figures are per packet and nothing
 * but the SRTP call is timed:
 *
 * <ul>
 *   <li><b>protect</b>: before each invocation (untimed) the ring is refilled with plain packets
 *       whose sequence numbers continue where the previous invocation stopped; one long-lived
 *       sender context protects them, crossing the 65535 -> 0 wrap every 64 invocations.
 *   <li><b>unprotect</b>: before each invocation (untimed) the ring is restored to the same
 *       1024 protected packets (sequence numbers 65024 to 511, across the wrap) and a new receiver
 *       context is made, since a receiver that saw them would rightly reject them as replays.
 *       Each unprotect then passes the replay check, the rollover counter estimate and
 *       authentication, as a live stream's packets do. The context's allocation counts in B/op
 *       (its bytes / 1024), and the setup prints it.
 * </ul>
 *
 * <p>The trial setup fails unless each implementation protects the ring to the very bytes the
 * floor makes and unprotects them back to the plain packets, and an invocation fails unless all
 * 1024 packets came out OK. Run: {@code java -jar bench/target/benchmarks.jar SrtpBenchmark -prof
 * gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SrtpBenchmark {
  private static final int RING = SrtpScenarios.RING;

  /** One cell of the table: profile, payload size, a ring of packets and the floor's reference. */
  @State(Scope.Thread)
  public abstract static class Cell {
    @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"1200", "160"})
    public int payload;

    int plainLength;
    int protectedLength;
    int stride;
    /** The packets the timed loop works on, {@link #stride} bytes apart. */
    byte[] ring;
    /** The ring protected by the floor from {@link SrtpScenarios#RING_FIRST_SEQUENCE}, ROC 0. */
    byte[] reference;

    RawJdkSrtp floor;
    /** Index (ROC * 65536 + SEQ) of the ring's first packet in the current invocation. */
    long first;
    /** Packets that came out OK in the last invocation. */
    int ok;

    void prepare() {
      plainLength = SrtpScenarios.HEADER_LENGTH + payload;
      protectedLength = plainLength + profile.rtpTagLength();
      stride = plainLength + SrtpScenarios.MAX_OVERHEAD;
      ring = new byte[RING * stride];
      floor = newFloor(RawJdkSrtp.Output.IN_PLACE);
      fillPlain(SrtpScenarios.RING_FIRST_SEQUENCE);
      for (int i = 0; i < RING; i++) {
        floor.protect(ring, i * stride, plainLength, first + i);
      }
      reference = ring.clone();
    }

    RawJdkSrtp newFloor(RawJdkSrtp.Output output) {
      return RawJdkSrtp.create(
          profile, SrtpScenarios.masterKey(profile), SrtpScenarios.masterSalt(profile), output);
    }

    /** The ring as plain packets with indexes {@code first} to {@code first + 1023}. */
    void fillPlain(long first) {
      this.first = first;
      for (int i = 0; i < RING; i++) {
        SrtpScenarios.writeRtp(ring, i * stride, (int) (first + i) & 0xffff, false, payload);
      }
    }

    void restoreProtected() {
      first = SrtpScenarios.RING_FIRST_SEQUENCE;
      System.arraycopy(reference, 0, ring, 0, ring.length);
    }

    /** Fails unless every packet of the ring equals the floor's protected one. */
    void checkProtected(String who) {
      for (int i = 0; i < RING; i++) {
        int from = i * stride;
        if (!Arrays.equals(
            ring, from, from + protectedLength, reference, from, from + protectedLength)) {
          throw new IllegalStateException(
              who + " protects packet " + i + " differently from the floor: "
                  + SrtpScenarios.hex(ring, from, protectedLength) + " vs "
                  + SrtpScenarios.hex(reference, from, protectedLength));
        }
      }
    }

    /** Fails unless every packet of the ring is the plain packet of its index. */
    void checkPlain(String who) {
      byte[] plain = new byte[plainLength];
      for (int i = 0; i < RING; i++) {
        SrtpScenarios.writeRtp(plain, 0, (int) (first + i) & 0xffff, false, payload);
        int from = i * stride;
        if (!Arrays.equals(ring, from, from + plainLength, plain, 0, plainLength)) {
          throw new IllegalStateException(who + " unprotects packet " + i + " wrong");
        }
      }
    }

    /** Fails unless the last invocation had every packet OK. */
    void checkAllOk(String who) {
      if (ok != RING) {
        throw new IllegalStateException(who + ": " + (RING - ok) + " packets failed");
      }
    }
  }

  /** Bytes {@code action} allocates on this thread (HotSpot's per-thread counter). */
  static long allocatedBy(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    action.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /**
   * Prints the bytes a pass over the ring allocates per packet once the code is hot, without the
   * untimed set-up before it ({@code reset}: restoring the ring, a new receiver context), which
   * {@code -prof gc} counts in B/op.
   */
  static void reportPassAllocation(String who, Cell cell, Runnable reset, Runnable pass) {
    for (int i = 0; i < 50; i++) {
      reset.run();
      pass.run();
    }
    reset.run();
    long bytes = allocatedBy(pass);
    cell.checkAllOk(who);
    System.out.printf(
        "[teardown] %s %s %d: %.1f B per packet over one pass, its set-up excluded%n",
        who, cell.profile, cell.payload, bytes / (double) RING);
  }

  static void reportContextAllocation(String who, Runnable createContext) {
    createContext.run();
    long bytes = allocatedBy(createContext);
    System.out.printf(
        "[setup] %s: a receiver context allocates %d bytes, %.1f B per packet of a ring%n",
        who, bytes, bytes / (double) RING);
  }

  // ortc4j

  /** ortc4j's context for the cell's profile and key, default options. */
  @State(Scope.Thread)
  public abstract static class Ortc4jCell extends Cell {
    SrtpContext context;

    SrtpContext newContext(boolean outbound) {
      byte[] key = SrtpScenarios.masterKey(profile);
      byte[] salt = SrtpScenarios.masterSalt(profile);
      return outbound
          ? SrtpContext.outbound(profile, key, salt, SrtpOptions.defaults())
          : SrtpContext.inbound(profile, key, salt, SrtpOptions.defaults());
    }
  }

  /** ortc4j's protect: one outbound context for the whole trial. */
  @State(Scope.Thread)
  public static class Ortc4jProtect extends Ortc4jCell {
    @Setup(Level.Trial)
    public void setUp() {
      prepare();
      context = newContext(true);
      fillPlain(SrtpScenarios.RING_FIRST_SEQUENCE);
      new SrtpBenchmark().protectOrtc4j(this);
      checkAllOk("ortc4j protect");
      checkProtected("ortc4j");
    }

    @Setup(Level.Invocation)
    public void refill() {
      checkAllOk("ortc4j protect");
      fillPlain(first + RING);
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("ortc4j protect");
    }
  }

  /** ortc4j's unprotect: a new inbound context for each pass over the ring. */
  @State(Scope.Thread)
  public static class Ortc4jUnprotect extends Ortc4jCell {
    @Setup(Level.Trial)
    public void setUp() {
      prepare();
      reportContextAllocation("ortc4j", () -> newContext(false));
      reset();
      new SrtpBenchmark().unprotectOrtc4j(this);
      checkAllOk("ortc4j unprotect");
      checkPlain("ortc4j");
    }

    @Setup(Level.Invocation)
    public void restore() {
      checkAllOk("ortc4j unprotect");
      reset();
    }

    private void reset() {
      restoreProtected();
      context = newContext(false);
    }

    @TearDown(Level.Trial)
    public void reportAllocation() {
      reportPassAllocation(
          "ortc4j unprotect", this, this::reset, () -> new SrtpBenchmark().unprotectOrtc4j(this));
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("ortc4j unprotect");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int protectOrtc4j(Ortc4jProtect cell) {
    int ok = 0;
    for (int i = 0; i < RING; i++) {
      if (cell.context.protectRtp(cell.ring, i * cell.stride, cell.plainLength)
          == SrtpStatus.OK) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int unprotectOrtc4j(Ortc4jUnprotect cell) {
    int ok = 0;
    for (int i = 0; i < RING; i++) {
      if (cell.context.unprotectRtp(cell.ring, i * cell.stride, cell.protectedLength)
          == SrtpStatus.OK) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }

  // The floor

  /** The floor, writing the cipher's output in place or through a scratch array. */
  @State(Scope.Thread)
  public abstract static class FloorCell extends Cell {
    /** {@link RawJdkSrtp.Output}: IN_PLACE or SCRATCH. */
    @Param({"IN_PLACE", "SCRATCH"})
    public String output;

    void prepareFloor() {
      prepare();
      floor = newFloor(RawJdkSrtp.Output.valueOf(output));
    }
  }

  /** The floor's protect: a ring of plain packets, indexes continuing across invocations. */
  @State(Scope.Thread)
  public static class FloorProtect extends FloorCell {
    @Setup(Level.Trial)
    public void setUp() {
      prepareFloor();
      fillPlain(SrtpScenarios.RING_FIRST_SEQUENCE);
      new SrtpBenchmark().protectFloor(this);
      checkAllOk("floor protect");
      checkProtected("floor " + output);
    }

    @Setup(Level.Invocation)
    public void refill() {
      checkAllOk("floor protect");
      fillPlain(first + RING);
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("floor protect");
    }
  }

  /** The floor's unprotect: the reference ring. */
  @State(Scope.Thread)
  public static class FloorUnprotect extends FloorCell {
    @Setup(Level.Trial)
    public void setUp() {
      prepareFloor();
      restoreProtected();
      new SrtpBenchmark().unprotectFloor(this);
      checkAllOk("floor unprotect");
      checkPlain("floor");
    }

    @Setup(Level.Invocation)
    public void restore() {
      checkAllOk("floor unprotect");
      restoreProtected();
    }

    @TearDown(Level.Trial)
    public void reportAllocation() {
      reportPassAllocation(
          "floor " + output + " unprotect",
          this,
          this::restoreProtected,
          () -> new SrtpBenchmark().unprotectFloor(this));
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("floor unprotect");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int protectFloor(FloorProtect cell) {
    int ok = 0;
    for (int i = 0; i < RING; i++) {
      if (cell.floor.protect(cell.ring, i * cell.stride, cell.plainLength, cell.first + i)
          == cell.protectedLength) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int unprotectFloor(FloorUnprotect cell) {
    int ok = 0;
    for (int i = 0; i < RING; i++) {
      if (cell.floor.unprotect(cell.ring, i * cell.stride, cell.protectedLength, cell.first + i)
          == cell.plainLength) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }

  // jitsi-srtp

  /** jitsi-srtp in one of its crypto modes, with a window on each packet of the ring. */
  @State(Scope.Thread)
  public abstract static class JitsiCell extends Cell {
    /** {@link JitsiSrtpPeer.Mode}: JAVA (SunJCE) or OPENSSL (its JNI binding). */
    @Param({"JAVA", "OPENSSL"})
    public String jitsi;

    JitsiSrtpPeer.Packet[] packets;
    SrtpCryptoContext context;

    void prepareJitsi() {
      JitsiSrtpPeer.use(JitsiSrtpPeer.Mode.valueOf(jitsi));
      System.out.println("[setup] jitsi-srtp " + jitsi + ": " + JitsiSrtpPeer.providers());
      prepare();
      packets = new JitsiSrtpPeer.Packet[RING];
      for (int i = 0; i < RING; i++) {
        packets[i] = new JitsiSrtpPeer.Packet(ring, i * stride, 0);
      }
    }

    void resetPackets(int length) {
      for (int i = 0; i < RING; i++) {
        packets[i].setOffset(i * stride);
        packets[i].setLength(length);
      }
    }
  }

  /** jitsi-srtp's protect: one sender context for the whole trial. */
  @State(Scope.Thread)
  public static class JitsiProtect extends JitsiCell {
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      prepareJitsi();
      context = JitsiSrtpPeer.context(true, profile);
      fillPlain(SrtpScenarios.RING_FIRST_SEQUENCE);
      resetPackets(plainLength);
      new SrtpBenchmark().protectJitsi(this);
      checkAllOk("jitsi-srtp protect");
      checkProtected("jitsi-srtp " + jitsi);
    }

    @Setup(Level.Invocation)
    public void refill() {
      checkAllOk("jitsi-srtp protect");
      fillPlain(first + RING);
      resetPackets(plainLength);
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("jitsi-srtp protect");
    }
  }

  /** jitsi-srtp's unprotect: a new receiver context for each pass over the ring. */
  @State(Scope.Thread)
  public static class JitsiUnprotect extends JitsiCell {
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      prepareJitsi();
      reportContextAllocation(
          "jitsi-srtp " + jitsi, () -> JitsiSrtpPeer.context(false, profile));
      reset();
      new SrtpBenchmark().unprotectJitsi(this);
      checkAllOk("jitsi-srtp unprotect");
      checkPlain("jitsi-srtp " + jitsi);
    }

    @Setup(Level.Invocation)
    public void restore() {
      checkAllOk("jitsi-srtp unprotect");
      reset();
    }

    private void reset() {
      restoreProtected();
      resetPackets(protectedLength);
      context = JitsiSrtpPeer.context(false, profile);
    }

    @TearDown(Level.Trial)
    public void reportAllocation() {
      reportPassAllocation(
          "jitsi-srtp " + jitsi + " unprotect",
          this,
          this::reset,
          () -> {
            try {
              new SrtpBenchmark().unprotectJitsi(this);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @TearDown(Level.Iteration)
    public void check() {
      checkAllOk("jitsi-srtp unprotect");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int protectJitsi(JitsiProtect cell) throws GeneralSecurityException {
    int ok = 0;
    for (JitsiSrtpPeer.Packet packet : cell.packets) {
      if (cell.context.transformPacket(packet) == SrtpErrorStatus.OK) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }

  @Benchmark
  @OperationsPerInvocation(RING)
  public int unprotectJitsi(JitsiUnprotect cell) throws GeneralSecurityException {
    int ok = 0;
    for (JitsiSrtpPeer.Packet packet : cell.packets) {
      if (cell.context.reverseTransformPacket(packet, false) == SrtpErrorStatus.OK) {
        ok++;
      }
    }
    cell.ok = ok;
    return ok;
  }
}
