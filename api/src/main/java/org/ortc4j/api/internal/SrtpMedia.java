package org.ortc4j.api.internal;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.ortc4j.api.InvalidAccessException;
import org.ortc4j.api.InvalidStateException;
import org.ortc4j.api.MediaCounters;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceSendStatus;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpPacketView;
import org.ortc4j.rtp.RtpParseException;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpStatus;

/**
 * SRTP/SRTCP over an ICE connection, keyed by the DTLS handshake: protects and sends what the
 * application writes, and decrypts, parses and hands to readers what arrives.
 *
 * <p>Threads: writes come from any thread (one lock for RTP, one for RTCP, as an {@link
 * SrtpContext} wants one thread per packet kind); received packets come from the ICE read loop
 * and are decrypted there, then queued per reader ({@link PacketReaders}) and delivered on this
 * session's media threads: each reader in order on one thread at a time, and up to {@link
 * #DELIVERY_THREADS} readers at once, so that a reader that blocks delays only itself (a single
 * shared thread would stall every other SSRC's reader behind it). Idle threads end after a
 * second, also after {@link #close()}. Media that arrives before the keys is held (bounded)
 * and decrypted once they exist. Nothing is sent before the keys: a write then fails.
 */
public final class SrtpMedia implements Demultiplexer.Endpoint {
  /** The largest protected packet sent: an Ethernet-sized ICE path. */
  public static final int MAX_PACKET = 1500;
  /** How many readers may be called at the same time (so how many may block at once). */
  public static final int DELIVERY_THREADS = 4;
  private static final int MAX_UNKNOWN_SSRCS = 1024;
  private static final AtomicInteger IDS = new AtomicInteger();

  private final IceConnection connection;
  private final SrtpOptions options;
  private final int earlyLimit;
  private final int readQueueCapacity;
  private final ExecutorService executor;
  private final Scheduler scheduler;
  private final Map<Long, PacketReaders<RtpPacket>> rtpReaders = new ConcurrentHashMap<>();
  private final PacketReaders<RtcpPacket> rtcpReaders;
  /** Readers of every SSRC's RTP, for applications that learn SSRCs from the media. */
  private final PacketReaders<RtpPacket> anyRtpReaders;
  private final Subject<Long> unknownSsrcs = PublishSubject.<Long>create().toSerialized();
  private final Set<Long> reportedSsrcs = ConcurrentHashMap.newKeySet();
  private final Object earlyLock = new Object();
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();
  private final Object rtpInLock = new Object();
  private final Object rtcpInLock = new Object();
  private final Object rtpOutLock = new Object();
  private final Object rtcpOutLock = new Object();
  private final byte[] rtpOut = new byte[MAX_PACKET];
  private final byte[] rtcpOut = new byte[MAX_PACKET];
  private final RtpPacketView outView = new RtpPacketView(); // guarded by rtpOutLock
  private final Counters counters = new Counters();
  private volatile SrtpContext inbound;
  private volatile SrtpContext outbound;
  private volatile boolean closed;

  /**
   * @param connection where packets go
   * @param options replay windows and stream limits
   * @param earlyLimit how many packets wait for the keys
   * @param readQueueCapacity each reader's queue
   */
  public SrtpMedia(IceConnection connection, SrtpOptions options, int earlyLimit,
      int readQueueCapacity) {
    this.connection = connection;
    this.options = options;
    this.earlyLimit = earlyLimit;
    this.readQueueCapacity = readQueueCapacity;
    this.executor = deliveryPool("ortc4j-media-" + IDS.incrementAndGet() + "-");
    this.scheduler = Schedulers.from(executor);
    this.rtcpReaders = new PacketReaders<>(readQueueCapacity, scheduler, counters.readerDrops);
    this.anyRtpReaders = new PacketReaders<>(readQueueCapacity, scheduler, counters.readerDrops);
  }

  private static ThreadPoolExecutor deliveryPool(String prefix) {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(DELIVERY_THREADS, DELIVERY_THREADS,
        1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Keys both directions from the handshake's material, then decrypts what waited. */
  public void key(SrtpKeyingMaterial keys, boolean dtlsClient) {
    SrtpContext in = SrtpContext.inbound(keys, dtlsClient, options);
    outbound = SrtpContext.outbound(keys, dtlsClient, options);
    synchronized (earlyLock) {
      // decrypted before `inbound` is published: the read loop, which waits for this lock
      // while `inbound` is null, cannot deliver a later packet ahead of the early ones
      for (byte[] datagram : early) {
        receive(in, datagram, 0, datagram.length);
      }
      early.clear();
      inbound = in;
    }
  }

  /** Whether writes are possible: keyed and not closed. */
  public boolean isReady() {
    return outbound != null && !closed;
  }

  @Override
  public void onDatagram(byte[] buf, int off, int len) {
    SrtpContext in = inbound;
    if (in == null) {
      synchronized (earlyLock) {
        in = inbound;
        if (in == null) {
          holdEarly(buf, off, len);
          return;
        }
      }
    }
    receive(in, buf, off, len);
  }

  private void holdEarly(byte[] buf, int off, int len) {
    if (closed || early.size() >= earlyLimit) {
      counters.earlyDrops.increment();
      return;
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    early.add(copy);
  }

  private void receive(SrtpContext in, byte[] buf, int off, int len) {
    if (closed) {
      counters.earlyDrops.increment();
      return;
    }
    if (PacketClass.of(buf, off, len) == PacketClass.RTCP) {
      receiveRtcp(in, buf, off, len);
    } else {
      receiveRtp(in, buf, off, len);
    }
  }

  private void receiveRtp(SrtpContext in, byte[] buf, int off, int len) {
    SrtpStatus status;
    synchronized (rtpInLock) {
      status = in.unprotectRtp(buf, off, len);
    }
    if (!counters.accepted(status)) {
      return;
    }
    counters.rtpReceived.increment();
    RtpPacket packet;
    try {
      packet = RtpPacket.parse(buf, off, len - in.rtpOverhead());
    } catch (RtpParseException e) {
      counters.malformed.increment();
      return;
    }
    long ssrc = packet.header().ssrc();
    PacketReaders<RtpPacket> readers = rtpReaders.get(ssrc);
    boolean routed = readers != null && readers.publish(packet);
    routed |= anyRtpReaders.publish(packet);
    if (!routed) {
      counters.unrouted.increment();
      reportUnknown(ssrc);
    }
  }

  private void reportUnknown(long ssrc) {
    if (reportedSsrcs.size() < MAX_UNKNOWN_SSRCS && reportedSsrcs.add(ssrc)) {
      unknownSsrcs.onNext(ssrc);
    }
  }

  private void receiveRtcp(SrtpContext in, byte[] buf, int off, int len) {
    SrtpStatus status;
    synchronized (rtcpInLock) {
      status = in.unprotectRtcp(buf, off, len);
    }
    if (!counters.accepted(status)) {
      return;
    }
    counters.rtcpReceived.increment();
    List<RtcpPacket> packets;
    try {
      packets = RtcpCompound.parse(buf, off, len - in.rtcpOverhead());
    } catch (RtcpParseException e) {
      counters.malformed.increment();
      return;
    }
    for (RtcpPacket packet : packets) {
      rtcpReaders.publish(packet);
    }
  }

  /** The decrypted RTP packets of {@code ssrc}, from the subscription on. */
  public Flowable<RtpPacket> rtp(long ssrc) {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ssrc out of the 32-bit range: " + ssrc);
    }
    return Flowable.defer(() -> {
      PacketReaders<RtpPacket> readers = rtpReaders.computeIfAbsent(ssrc,
          s -> new PacketReaders<>(readQueueCapacity, scheduler, counters.readerDrops));
      reportedSsrcs.remove(ssrc); // a later silence and return is news again
      return closed ? Flowable.<RtpPacket>empty() : readers.stream();
    });
  }

  /** The decrypted RTP packets of every SSRC, from the subscription on. */
  public Flowable<RtpPacket> rtp() {
    return anyRtpReaders.stream();
  }

  /** The decrypted RTCP packets, one by one, from the subscription on. */
  public Flowable<RtcpPacket> rtcp() {
    return rtcpReaders.stream();
  }

  /** SSRCs whose RTP arrived with no reader, each once (up to 1024), on a media thread. */
  public Observable<Long> unknownSsrcs() {
    return Observable.defer(() -> closed ? Observable.<Long>empty()
        : unknownSsrcs.observeOn(scheduler));
  }

  /**
   * Protects and sends one serialized RTP packet; {@code buf} is not changed.
   *
   * @throws InvalidStateException before the keys exist or after close
   * @throws InvalidAccessException if it is not an RTP packet or too large
   */
  public void writeRtp(byte[] buf, int off, int len) {
    SrtpContext out = requireReady();
    synchronized (rtpOutLock) {
      requireFits(len, out.rtpOverhead(), "RTP packet");
      if (!outView.wrap(buf, off, len)) {
        throw new InvalidAccessException("not a valid RTP packet (" + len + " bytes)");
      }
      System.arraycopy(buf, off, rtpOut, 0, len);
      SrtpStatus status = out.protectRtp(rtpOut, 0, len);
      send(status, rtpOut, len + out.rtpOverhead(), counters.rtpSent);
    }
  }

  /** Serializes, protects and sends {@code packet}. */
  public void writeRtp(RtpPacket packet) {
    SrtpContext out = requireReady();
    synchronized (rtpOutLock) {
      int len = packet.serializedLength();
      requireFits(len, out.rtpOverhead(), "RTP packet");
      packet.serialize(rtpOut, 0);
      SrtpStatus status = out.protectRtp(rtpOut, 0, len);
      send(status, rtpOut, len + out.rtpOverhead(), counters.rtpSent);
    }
  }

  /** Serializes {@code packets} as one compound packet, protects and sends it. */
  public void writeRtcp(List<? extends RtcpPacket> packets) {
    if (packets.isEmpty()) {
      throw new InvalidAccessException("no RTCP packets to send");
    }
    SrtpContext out = requireReady();
    synchronized (rtcpOutLock) {
      int len = RtcpCompound.serializedLength(packets);
      requireFits(len, out.rtcpOverhead(), "RTCP compound");
      RtcpCompound.serialize(packets, rtcpOut, 0);
      SrtpStatus status = out.protectRtcp(rtcpOut, 0, len);
      send(status, rtcpOut, len + out.rtcpOverhead(), counters.rtcpSent);
    }
  }

  private static void requireFits(int len, int overhead, String what) {
    if (len + overhead > MAX_PACKET) {
      throw new InvalidAccessException(
          what + " of " + len + " bytes exceeds " + (MAX_PACKET - overhead));
    }
  }

  private SrtpContext requireReady() {
    SrtpContext out = outbound;
    if (closed) {
      throw new InvalidStateException("the DTLS transport is closed");
    }
    if (out == null) {
      throw new InvalidStateException("SRTP is not keyed yet: wait for CONNECTED");
    }
    return out;
  }

  private void send(SrtpStatus status, byte[] buf, int len, LongAdder sent) {
    if (status != SrtpStatus.OK) {
      // only the key limits (2^48 RTP / 2^31 RTCP packets) end here: the buffer is not sent
      throw new InvalidStateException("SRTP refused to protect the packet: " + status);
    }
    if (connection.send(buf, 0, len) == IceSendStatus.SENT) {
      sent.increment();
    } else {
      counters.sendFailures.increment();
    }
  }

  /** The counters so far; {@code demuxDrops} is the demultiplexer's. */
  public MediaCounters counters(long demuxDrops) {
    return counters.snapshot(demuxDrops);
  }

  /**
   * Ends every reader stream. The media threads end by themselves once idle for a second; the
   * pool is not shut down, because an Rx worker that schedules a late completion on a shut-down
   * executor is refused, and its subscriber would never complete.
   */
  public void close() {
    synchronized (earlyLock) {
      closed = true;
      early.clear();
    }
    rtpReaders.values().forEach(PacketReaders::close);
    rtcpReaders.close();
    anyRtpReaders.close();
    unknownSsrcs.onComplete();
  }

  /** The media threads' executor (its threads end when idle for a second). */
  public ExecutorService executor() {
    return executor;
  }

  private static final class Counters {
    final LongAdder rtpSent = new LongAdder();
    final LongAdder rtcpSent = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder rtpReceived = new LongAdder();
    final LongAdder rtcpReceived = new LongAdder();
    final LongAdder authFailures = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder otherSrtpDrops = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder unrouted = new LongAdder();
    final LongAdder readerDrops = new LongAdder();
    final LongAdder earlyDrops = new LongAdder();

    boolean accepted(SrtpStatus status) {
      switch (status) {
        case OK -> {
          return true;
        }
        case AUTH_FAILED -> authFailures.increment();
        case REPLAY_DUPLICATE, REPLAY_TOO_OLD -> replayed.increment();
        default -> otherSrtpDrops.increment();
      }
      return false;
    }

    MediaCounters snapshot(long demuxDrops) {
      return new MediaCounters(rtpSent.sum(), rtcpSent.sum(), sendFailures.sum(),
          rtpReceived.sum(), rtcpReceived.sum(), authFailures.sum(), replayed.sum(),
          otherSrtpDrops.sum(), malformed.sum(), unrouted.sum(), readerDrops.sum(),
          earlyDrops.sum(), demuxDrops);
    }
  }
}
