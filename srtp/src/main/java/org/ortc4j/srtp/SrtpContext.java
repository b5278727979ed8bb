package org.ortc4j.srtp;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import java.util.OptionalLong;
import org.ortc4j.srtp.internal.KeyDerivation;
import org.ortc4j.srtp.internal.PacketCipher;
import org.ortc4j.srtp.internal.RtcpSession;
import org.ortc4j.srtp.internal.RtpSession;

/**
 * One direction of an SRTP session: an outbound context protects the RTP and RTCP packets this
 * side sends, an inbound context unprotects those it receives. Packets are processed in place
 * and each call returns an {@link SrtpStatus}; malformed, forged or replayed packets are counted
 * drops, never exceptions.
 *
 * <pre>{@code
 * SrtpKeyingMaterial keys = ...;                     // from the DTLS-SRTP handshake
 * SrtpContext out = SrtpContext.outbound(keys, dtlsClient, SrtpOptions.defaults());
 * SrtpContext in = SrtpContext.inbound(keys, dtlsClient, SrtpOptions.defaults());
 *
 * byte[] buf = new byte[1500];                       // room for the packet + rtpOverhead()
 * int len = writeRtp(buf);
 * if (out.protectRtp(buf, 0, len) == SrtpStatus.OK) {
 *   socket.send(buf, 0, len + out.rtpOverhead());
 * }
 *
 * int received = socket.receive(buf);
 * if (in.unprotectRtp(buf, 0, received) == SrtpStatus.OK) {
 *   handleRtp(buf, 0, received - in.rtpOverhead());
 * }
 * }</pre>
 *
 * <p><b>State.</b> Per SSRC, a context keeps the rollover counter and, inbound, a replay window
 * (SRTP) or the SRTCP index and window (SRTCP). An inbound stream is created only by a packet
 * that authenticates, and the rollover counter and window move only then, so forged packets
 * cannot grow memory or disturb a stream. At most {@link SrtpOptions#maxStreams()} SSRCs are
 * kept per packet kind. Outbound SRTCP indices start at 1 per SSRC; the E flag is always set.
 * Re-protecting a packet with a sequence number already sent (a retransmission) reuses its
 * keystream: send the same bytes again, never different ones under the same number.
 *
 * <p><b>Threads.</b> A context is not locked. SRTP and SRTCP are independent inside it: one
 * thread may call the RTP methods while another calls the RTCP methods, but each of the two
 * must be used by one thread at a time (one writer per outbound context, one reader per
 * inbound context). Contexts share nothing, so any number run in parallel. {@link #counters()}
 * may be called from any thread: it reads plain fields and sees values at most a little stale.
 * The per-SSRC queries ({@link #rolloverCounter}, {@link #streamCount}...) read unsynchronised
 * tables: call them from the thread that uses the context, or accept a stale answer.
 *
 * <p><b>Cost.</b> Once an SSRC is known, AES-CM packets allocate nothing. AES-GCM packets
 * allocate about 1 KB each inside the JDK's {@code Cipher.init}/{@code doFinal} (JDK 17's GCM
 * keeps per-operation state that the JCE offers no way to reuse); the time per packet is still
 * that of the raw JDK primitives.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711">RFC 3711 (SRTP)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714">RFC 7714 (AES-GCM for SRTP)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.2">RFC 5764 §4.2 (keys)</a>
 */
public final class SrtpContext {
  private final SrtpProfile profile;
  private final boolean outbound;
  private final RtpSession rtp;
  private final RtcpSession rtcp;

  private SrtpContext(SrtpProfile profile, boolean outbound, byte[] masterKey, byte[] masterSalt,
      SrtpOptions options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    checkLength("master key", Objects.requireNonNull(masterKey, "masterKey"),
        profile.keyLength(), profile);
    checkLength("master salt", Objects.requireNonNull(masterSalt, "masterSalt"),
        profile.saltLength(), profile);
    this.profile = profile;
    this.outbound = outbound;
    KeyDerivation kdf = new KeyDerivation(masterKey, masterSalt);
    this.rtp = new RtpSession(PacketCipher.create(profile, kdf, false),
        options.maxStreams(), outbound ? 0 : options.rtpReplayWindow());
    this.rtcp = new RtcpSession(PacketCipher.create(profile, kdf, true),
        options.maxStreams(), outbound ? 0 : options.rtcpReplayWindow());
  }

  /**
   * A context that protects packets under a master key and salt.
   *
   * @throws IllegalArgumentException if the key or salt length is not the profile's
   * @throws NullPointerException if an argument is null
   */
  public static SrtpContext outbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt,
      SrtpOptions options) {
    return new SrtpContext(profile, true, masterKey, masterSalt, options);
  }

  /**
   * A context that unprotects packets under a master key and salt.
   *
   * @throws IllegalArgumentException if the key or salt length is not the profile's
   * @throws NullPointerException if an argument is null
   */
  public static SrtpContext inbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt,
      SrtpOptions options) {
    return new SrtpContext(profile, false, masterKey, masterSalt, options);
  }

  /**
   * The context that protects what this side sends: with the client's key and salt when this
   * side is the DTLS client, else the server's.
   *
   * @throws NullPointerException if an argument is null
   */
  public static SrtpContext outbound(SrtpKeyingMaterial keys, boolean dtlsClient,
      SrtpOptions options) {
    Objects.requireNonNull(keys, "keys");
    return outbound(keys.profile(), keys.localMasterKey(dtlsClient),
        keys.localMasterSalt(dtlsClient), options);
  }

  /**
   * The context that unprotects what the peer sends: with the server's key and salt when this
   * side is the DTLS client, else the client's.
   *
   * @throws NullPointerException if an argument is null
   */
  public static SrtpContext inbound(SrtpKeyingMaterial keys, boolean dtlsClient,
      SrtpOptions options) {
    Objects.requireNonNull(keys, "keys");
    return inbound(keys.profile(), keys.remoteMasterKey(dtlsClient),
        keys.remoteMasterSalt(dtlsClient), options);
  }

  /** The protection profile. */
  public SrtpProfile profile() {
    return profile;
  }

  /** Whether this context protects (true) or unprotects (false). */
  public boolean isOutbound() {
    return outbound;
  }

  /** Bytes SRTP adds to an RTP packet: the tag (4, 10 or 16). */
  public int rtpOverhead() {
    return rtp.overhead();
  }

  /** Bytes SRTCP adds to an RTCP packet: the 4-byte E flag and index, and the tag (10 or 16). */
  public int rtcpOverhead() {
    return rtcp.overhead();
  }

  /**
   * Protects the RTP packet {@code buf[off, off + len)} in place. On {@link SrtpStatus#OK} the
   * SRTP packet is {@code buf[off, off + len + rtpOverhead())}; the array must have that room,
   * else {@link SrtpStatus#BUFFER_TOO_SMALL} and nothing is written.
   *
   * @throws IllegalStateException if this is an inbound context
   * @throws IndexOutOfBoundsException if the range is outside {@code buf}
   */
  public SrtpStatus protectRtp(byte[] buf, int off, int len) {
    requireDirection(true, "protectRtp");
    Objects.checkFromIndexSize(off, len, buf.length);
    return rtp.protect(buf, off, len, buf.length - off);
  }

  /**
   * Protects the RTCP compound packet {@code buf[off, off + len)} in place. On {@link
   * SrtpStatus#OK} the SRTCP packet is {@code buf[off, off + len + rtcpOverhead())}.
   *
   * @throws IllegalStateException if this is an inbound context
   * @throws IndexOutOfBoundsException if the range is outside {@code buf}
   */
  public SrtpStatus protectRtcp(byte[] buf, int off, int len) {
    requireDirection(true, "protectRtcp");
    Objects.checkFromIndexSize(off, len, buf.length);
    return rtcp.protect(buf, off, len, buf.length - off);
  }

  /**
   * Authenticates and decrypts the SRTP packet {@code buf[off, off + len)} in place. On {@link
   * SrtpStatus#OK} the RTP packet is {@code buf[off, off + len - rtpOverhead())}.
   *
   * @throws IllegalStateException if this is an outbound context
   * @throws IndexOutOfBoundsException if the range is outside {@code buf}
   */
  public SrtpStatus unprotectRtp(byte[] buf, int off, int len) {
    requireDirection(false, "unprotectRtp");
    Objects.checkFromIndexSize(off, len, buf.length);
    return rtp.unprotect(buf, off, len);
  }

  /**
   * Authenticates and decrypts the SRTCP packet {@code buf[off, off + len)} in place. On {@link
   * SrtpStatus#OK} the RTCP packet is {@code buf[off, off + len - rtcpOverhead())}. Packets
   * with the E flag clear (authenticated, not encrypted) are accepted too.
   *
   * @throws IllegalStateException if this is an outbound context
   * @throws IndexOutOfBoundsException if the range is outside {@code buf}
   */
  public SrtpStatus unprotectRtcp(byte[] buf, int off, int len) {
    requireDirection(false, "unprotectRtcp");
    Objects.checkFromIndexSize(off, len, buf.length);
    return rtcp.unprotect(buf, off, len);
  }

  /**
   * Protects the RTP packet between {@code packet}'s position and limit; on OK the limit moves
   * to the end of the SRTP packet (the position stays). Room is counted up to the capacity.
   * Heap and direct buffers both work; direct ones are copied through a reused array.
   *
   * @throws IllegalStateException if this is an inbound context
   * @throws ReadOnlyBufferException if the buffer is read-only
   */
  public SrtpStatus protectRtp(ByteBuffer packet) {
    requireDirection(true, "protectRtp");
    return rtp.apply(writable(packet), true);
  }

  /**
   * {@link #protectRtp(ByteBuffer)} for an RTCP compound packet.
   *
   * @throws IllegalStateException if this is an inbound context
   * @throws ReadOnlyBufferException if the buffer is read-only
   */
  public SrtpStatus protectRtcp(ByteBuffer packet) {
    requireDirection(true, "protectRtcp");
    return rtcp.apply(writable(packet), true);
  }

  /**
   * Unprotects the SRTP packet between {@code packet}'s position and limit; on OK the limit
   * moves to the end of the RTP packet.
   *
   * @throws IllegalStateException if this is an outbound context
   * @throws ReadOnlyBufferException if the buffer is read-only
   */
  public SrtpStatus unprotectRtp(ByteBuffer packet) {
    requireDirection(false, "unprotectRtp");
    return rtp.apply(writable(packet), false);
  }

  /**
   * {@link #unprotectRtp(ByteBuffer)} for an SRTCP packet.
   *
   * @throws IllegalStateException if this is an outbound context
   * @throws ReadOnlyBufferException if the buffer is read-only
   */
  public SrtpStatus unprotectRtcp(ByteBuffer packet) {
    requireDirection(false, "unprotectRtcp");
    return rtcp.apply(writable(packet), false);
  }

  /** A snapshot of the packet counts per status (see the class comment on threads). */
  public SrtpCounters counters() {
    return new SrtpCounters(rtp.counters(), rtcp.counters());
  }

  /**
   * The rollover counter of the highest SRTP packet index protected or accepted for {@code
   * ssrc} (an unsigned 32-bit value), or empty if the context has no state for it.
   */
  public OptionalLong rolloverCounter(long ssrc) {
    return rtp.rolloverCounter((int) ssrc);
  }

  /**
   * The highest SRTCP index protected or accepted for {@code ssrc}, or empty if the context has
   * no SRTCP state for it.
   */
  public OptionalLong rtcpIndex(long ssrc) {
    return rtcp.lastIndex((int) ssrc);
  }

  /** Number of SSRCs with SRTP state. */
  public int streamCount() {
    return rtp.streamCount();
  }

  /** Number of SSRCs with SRTCP state. */
  public int rtcpStreamCount() {
    return rtcp.streamCount();
  }

  /** Test hook: state for {@code ssrc} as if the packet with {@code index} was the highest. */
  void seedRtpIndex(long ssrc, long index) {
    rtp.seed((int) ssrc, index);
  }

  /** Test hook: the next outbound SRTCP index of {@code ssrc}. */
  void seedRtcpIndex(long ssrc, long nextIndex) {
    rtcp.seed((int) ssrc, nextIndex);
  }

  @Override
  public String toString() {
    return "SrtpContext[" + profile + (outbound ? ", outbound]" : ", inbound]");
  }

  private void requireDirection(boolean wantOutbound, String method) {
    if (outbound != wantOutbound) {
      throw new IllegalStateException(method + " needs an "
          + (wantOutbound ? "outbound" : "inbound") + " context; this one is "
          + (outbound ? "outbound" : "inbound"));
    }
  }

  private static ByteBuffer writable(ByteBuffer packet) {
    if (packet.isReadOnly()) {
      throw new ReadOnlyBufferException();
    }
    return packet;
  }

  private static void checkLength(String what, byte[] value, int expected, SrtpProfile profile) {
    if (value.length != expected) {
      throw new IllegalArgumentException(profile + " needs a " + expected + "-byte " + what
          + ", got " + value.length + " bytes");
    }
  }
}
