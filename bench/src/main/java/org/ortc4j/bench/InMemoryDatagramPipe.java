package org.ortc4j.bench;

import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Two connected datagram ends in one JVM: what one end sends, the other receives, whole and in
 * order. Nothing is lost unless a queue of {@value #QUEUE_DATAGRAMS} datagrams is full (then the
 * datagram is dropped, as UDP would). The handshake benchmarks run one DTLS end on each side, so
 * that only the handshake's own work is measured, not a kernel's UDP path.
 */
final class InMemoryDatagramPipe {
  /** The datagram size both ends announce (a typical WebRTC DTLS MTU). */
  static final int MTU = 1200;

  static final int QUEUE_DATAGRAMS = 64;

  private final End client;
  private final End server;

  InMemoryDatagramPipe() {
    BlockingQueue<byte[]> toServer = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    BlockingQueue<byte[]> toClient = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    client = new End(toClient, toServer);
    server = new End(toServer, toClient);
  }

  /** The end the DTLS client uses. */
  End client() {
    return client;
  }

  /** The end the DTLS server uses. */
  End server() {
    return server;
  }

  /** One end: BouncyCastle's datagram interface over two queues. */
  static final class End implements DatagramTransport {
    private final BlockingQueue<byte[]> incoming;
    private final BlockingQueue<byte[]> outgoing;
    private volatile boolean closed;

    private End(BlockingQueue<byte[]> incoming, BlockingQueue<byte[]> outgoing) {
      this.incoming = incoming;
      this.outgoing = outgoing;
    }

    @Override
    public int getReceiveLimit() {
      return MTU;
    }

    @Override
    public int getSendLimit() {
      return MTU;
    }

    /** Waits up to {@code waitMillis} for a datagram; -1 on timeout or once closed. */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws InterruptedIOException {
      if (closed) {
        return -1;
      }
      byte[] datagram = take(waitMillis);
      if (datagram == null) {
        return -1;
      }
      int length = Math.min(len, datagram.length);
      System.arraycopy(datagram, 0, buf, off, length);
      return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
      if (!closed) {
        outgoing.offer(Arrays.copyOfRange(buf, off, off + len));
      }
    }

    @Override
    public void close() {
      closed = true;
    }

    private byte[] take(int waitMillis) throws InterruptedIOException {
      try {
        return incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a datagram");
      }
    }
  }
}
