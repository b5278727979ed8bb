package org.ortc4j.dtls;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A real {@link PacketTransport} whose receive side also yields datagrams the test injects, as
 * if they came off the wire from the connected peer's address (what an attacker on the path
 * can do and a test cannot do with a connected UDP socket). Injected datagrams are read
 * before the socket's; {@link #awaitTaken} tells when the session has read them all, so that
 * what the real peer sends next is read after them.
 */
final class InjectablePacketTransport implements PacketTransport {
  private final PacketTransport inner;
  private final ArrayDeque<byte[]> injected = new ArrayDeque<>();

  InjectablePacketTransport(PacketTransport inner) {
    this.inner = inner;
  }

  /** Hands {@code datagram} to the next {@link #receive}. */
  synchronized void inject(byte[] datagram) {
    injected.add(datagram.clone());
  }

  /** Waits until the session has received every injected datagram. */
  synchronized void awaitTaken(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!injected.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(injected.size() + " injected datagrams not received in " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    byte[] next;
    synchronized (this) {
      next = injected.poll();
      notifyAll();
    }
    if (next != null) {
      int n = Math.min(len, next.length);
      System.arraycopy(next, 0, buf, off, n);
      return n;
    }
    return inner.receive(buf, off, len, timeoutMillis);
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    inner.send(buf, off, len);
  }

  @Override
  public int maxDatagramSize() {
    return inner.maxDatagramSize();
  }

  @Override
  public void close() {
    inner.close();
  }
}
