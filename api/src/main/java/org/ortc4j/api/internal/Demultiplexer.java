package org.ortc4j.api.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import org.ortc4j.ice.IceDatagramHandler;

/**
 * The one reader of an ICE connection: hands DTLS records to the DTLS endpoint and SRTP/SRTCP
 * packets to the media endpoint ({@link PacketClass}), and drops and counts everything else.
 *
 * <p>DTLS datagrams that arrive before a DTLS endpoint is attached (the peer's ClientHello can
 * beat the application's {@code newDtlsTransport}) wait in a bounded queue and are handed over,
 * in order, when it attaches. Once an attached endpoint is detached (the DTLS transport ended),
 * DTLS datagrams are dropped: nothing will read them. Media without an endpoint is dropped: it
 * cannot be decrypted.
 *
 * <p>Called by the ICE read loop one datagram at a time; never blocks it.
 */
public final class Demultiplexer implements IceDatagramHandler {
  /** Receives the datagrams of one class; {@code buf} is reused after the call returns. */
  public interface Endpoint {
    /** One datagram. */
    void onDatagram(byte[] buf, int off, int len);
  }

  private final int earlyLimit;
  private final Object dtlsLock = new Object();
  private final ArrayDeque<byte[]> earlyDtls = new ArrayDeque<>();
  private final LongAdder dropped = new LongAdder();
  private Endpoint dtls; // guarded by dtlsLock
  private boolean dtlsAttached; // guarded by dtlsLock
  private volatile Endpoint media;

  /** @param earlyLimit how many DTLS datagrams wait for the DTLS endpoint */
  public Demultiplexer(int earlyLimit) {
    this.earlyLimit = earlyLimit;
  }

  @Override
  public void onDatagram(byte[] buf, int off, int len) {
    switch (PacketClass.of(buf, off, len)) {
      case DTLS -> toDtls(buf, off, len);
      case RTP, RTCP -> toMedia(buf, off, len);
      default -> dropped.increment();
    }
  }

  private void toDtls(byte[] buf, int off, int len) {
    synchronized (dtlsLock) {
      if (dtls != null) {
        dtls.onDatagram(buf, off, len);
      } else if (!dtlsAttached && earlyDtls.size() < earlyLimit) {
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        earlyDtls.add(copy);
      } else {
        dropped.increment();
      }
    }
  }

  private void toMedia(byte[] buf, int off, int len) {
    Endpoint endpoint = media;
    if (endpoint != null) {
      endpoint.onDatagram(buf, off, len);
    } else {
      dropped.increment();
    }
  }

  /**
   * Attaches the DTLS endpoint, first handing it what waited; or with null detaches it for good,
   * so that later DTLS datagrams are dropped (counted) instead of held for nobody.
   */
  public void setDtlsEndpoint(Endpoint endpoint) {
    synchronized (dtlsLock) {
      dtls = endpoint;
      if (endpoint == null) {
        earlyDtls.clear();
        return;
      }
      dtlsAttached = true;
      for (byte[] datagram; (datagram = earlyDtls.poll()) != null; ) {
        endpoint.onDatagram(datagram, 0, datagram.length);
      }
    }
  }

  /** Attaches (or with null detaches) the media endpoint. */
  public void setMediaEndpoint(Endpoint endpoint) {
    media = endpoint;
  }

  /**
   * Datagrams dropped: not DTLS/RTP/RTCP, no endpoint (media; DTLS after a detach), or the early
   * queue full.
   */
  public long dropped() {
    return dropped.sum();
  }
}
