package org.ortc4j.api.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ortc4j.dtls.PacketTransport;

/**
 * One end of an in-memory datagram pipe for a DTLS session, recording what it sends: a way to
 * watch a real BouncyCastle handshake's datagrams without a network.
 */
final class MemoryPipe implements PacketTransport {
  private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
  private final List<byte[]> sent = new ArrayList<>();
  private MemoryPipe peer;
  private volatile boolean closed;

  private MemoryPipe() {}

  /** Two connected ends. */
  static MemoryPipe[] pair() {
    MemoryPipe a = new MemoryPipe();
    MemoryPipe b = new MemoryPipe();
    a.peer = b;
    b.peer = a;
    return new MemoryPipe[] {a, b};
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    synchronized (sent) {
      sent.add(copy);
    }
    peer.inbound.add(copy.clone());
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    byte[] datagram;
    try {
      datagram = inbound.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (closed) {
      throw new IOException("closed");
    }
    if (datagram == null) {
      return -1;
    }
    int n = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  @Override
  public int maxDatagramSize() {
    return 1500;
  }

  @Override
  public void close() {
    closed = true;
    inbound.add(new byte[0]); // wakes a waiting receive
  }

  /** Every datagram sent from this end so far. */
  List<byte[]> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }
}
