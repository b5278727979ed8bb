package org.ortc4j.srtp.internal;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.ortc4j.srtp.SrtpStatus;

/**
 * One packet kind (SRTP or SRTCP) of one direction: its cipher, its per-SSRC streams and its
 * counters. Used by one thread at a time; {@link #counters()} may be read from any thread and
 * then sees some recent values.
 */
public abstract class PacketSession {
  private static final SrtpStatus[] STATUSES = SrtpStatus.values();

  final PacketCipher cipher;
  final int maxStreams;
  private final long[] counts = new long[STATUSES.length];
  private byte[] scratch = new byte[0];

  PacketSession(PacketCipher cipher, int maxStreams) {
    this.cipher = cipher;
    this.maxStreams = maxStreams;
  }

  /** Bytes a protected packet has beyond the plain one. */
  public abstract int overhead();

  /**
   * Protects {@code buf[off, off + len)} in place; {@code room} bytes from {@code off} may be
   * written. On OK the packet is {@code len + overhead()} bytes long.
   */
  public abstract SrtpStatus protect(byte[] buf, int off, int len, int room);

  /** Unprotects {@code buf[off, off + len)} in place; on OK it is {@code len - overhead()} long. */
  public abstract SrtpStatus unprotect(byte[] buf, int off, int len);

  /** Number of SSRCs with state. */
  public abstract int streamCount();

  /** A count per status of every packet seen so far. */
  public Map<SrtpStatus, Long> counters() {
    Map<SrtpStatus, Long> map = new EnumMap<>(SrtpStatus.class);
    for (SrtpStatus status : STATUSES) {
      map.put(status, counts[status.ordinal()]);
    }
    return map;
  }

  /**
   * Protects or unprotects the packet between a buffer's position and limit; on OK moves the
   * limit to the new end. Direct buffers go through a reused array.
   */
  public SrtpStatus apply(ByteBuffer packet, boolean protect) {
    int position = packet.position();
    int len = packet.remaining();
    int room = packet.capacity() - position;
    if (packet.hasArray()) {
      int off = packet.arrayOffset() + position;
      SrtpStatus status = run(packet.array(), off, len, room, protect);
      finish(packet, status, len, protect);
      return status;
    }
    byte[] copy = scratch(Math.min(room, len + overhead()));
    packet.get(position, copy, 0, len);
    SrtpStatus status = run(copy, 0, len, room, protect);
    finish(packet, status, len, protect);
    if (status == SrtpStatus.OK) {
      packet.put(position, copy, 0, packet.remaining()); // absolute puts stop at the limit
    }
    return status;
  }

  private SrtpStatus run(byte[] buf, int off, int len, int room, boolean protect) {
    return protect ? protect(buf, off, len, room) : unprotect(buf, off, len);
  }

  private void finish(ByteBuffer packet, SrtpStatus status, int len, boolean protect) {
    if (status == SrtpStatus.OK) {
      packet.limit(packet.position() + (protect ? len + overhead() : len - overhead()));
    }
  }

  private byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, 2048)];
    }
    return scratch;
  }

  SrtpStatus count(SrtpStatus status) {
    counts[status.ordinal()]++;
    return status;
  }
}
