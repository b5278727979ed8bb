package org.ortc4j.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.ortc4j.dtls.PacketTransport;

/**
 * Two connected datagram ends in one JVM: what one end sends, the other receives, whole and in
 * order. Nothing is lost unless a queue of {@value #QUEUE_DATAGRAMS} datagrams is full (then the
 * datagram is dropped, as UDP would). The handshake benchmarks run one DTLS end on each side, so
 * that only the handshake's own work is measured, not a kernel's UDP path.
 *
 * <p>Each end is both ortc4j's {@link PacketTransport} and BouncyCastle's {@link
 * DatagramTransport} (the raw-bctls baseline). The pipe also reads the key exchange group off
 * the wire, from the server's ServerKeyExchange ({@link ServerKeyExchangeSniffer}), so that every
 * scenario's group is known the same way.
 */
final class InMemoryDatagramPipe {
  /** The datagram size both ends announce (a typical WebRTC DTLS MTU). */
  static final int MTU = 1200;

  static final int QUEUE_DATAGRAMS = 64;

  /** Queued to wake a receiver blocked on an end being closed; never delivered. */
  private static final byte[] CLOSED = new byte[0];

  private final ServerKeyExchangeSniffer sniffer = new ServerKeyExchangeSniffer();
  private final End client;
  private final End server;

  InMemoryDatagramPipe() {
    BlockingQueue<byte[]> toServer = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    BlockingQueue<byte[]> toClient = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    client = new End(toClient, toServer, null);
    server = new End(toServer, toClient, sniffer);
  }

  /** The end the DTLS client uses. */
  End client() {
    return client;
  }

  /** The end the DTLS server uses. */
  End server() {
    return server;
  }

  /** The ECDHE group the server chose, as BouncyCastle names it; null before it was seen. */
  String observedGroup() {
    return sniffer.group();
  }

  /** One end over two queues. Any number of senders, one receiver. */
  static final class End implements PacketTransport, DatagramTransport {
    private final BlockingQueue<byte[]> incoming;
    private final BlockingQueue<byte[]> outgoing;
    private final ServerKeyExchangeSniffer sniffer;
    private volatile boolean closed;

    private End(
        BlockingQueue<byte[]> incoming,
        BlockingQueue<byte[]> outgoing,
        ServerKeyExchangeSniffer sniffer) {
      this.incoming = incoming;
      this.outgoing = outgoing;
      this.sniffer = sniffer;
    }

    @Override
    public int maxDatagramSize() {
      return MTU;
    }

    @Override
    public int getReceiveLimit() {
      return MTU;
    }

    @Override
    public int getSendLimit() {
      return MTU;
    }

    /**
     * Waits up to {@code waitMillis} for a datagram; -1 on timeout.
     *
     * @throws IOException once this end is closed, also while waiting
     */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      byte[] datagram = take(waitMillis);
      if (closed) {
        throw new IOException("closed");
      }
      if (datagram == null) {
        return -1;
      }
      int length = Math.min(len, datagram.length);
      System.arraycopy(datagram, 0, buf, off, length);
      return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("closed");
      }
      if (sniffer != null) {
        sniffer.inspect(buf, off, len);
      }
      outgoing.offer(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
      closed = true;
      incoming.offer(CLOSED);
    }

    private byte[] take(int waitMillis) throws InterruptedIOException {
      if (closed) {
        return null;
      }
      try {
        return incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a datagram");
      }
    }
  }
}
