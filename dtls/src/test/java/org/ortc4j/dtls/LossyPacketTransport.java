package org.ortc4j.dtls;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A fake lossy link: wraps a {@link PacketTransport} and silently drops outgoing datagrams
 * that a named pattern selects, e.g. {@link #dropFirst(PacketTransport, int)}.
 */
final class LossyPacketTransport implements PacketTransport {
  private final PacketTransport inner;
  private final BiPredicate<Integer, byte[]> drop;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  /** Drops the datagrams for which {@code drop(index, datagram)} holds (index from 0). */
  LossyPacketTransport(PacketTransport inner, BiPredicate<Integer, byte[]> drop) {
    this.inner = inner;
    this.drop = drop;
  }

  /** Drops the first {@code count} datagrams sent: a lost first flight. */
  static LossyPacketTransport dropFirst(PacketTransport inner, int count) {
    return new LossyPacketTransport(inner, (index, datagram) -> index < count);
  }

  /** How many datagrams were dropped so far. */
  int dropped() {
    return dropped.get();
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    int index = sent.getAndIncrement();
    if (drop.test(index, java.util.Arrays.copyOfRange(buf, off, off + len))) {
      dropped.incrementAndGet();
      return;
    }
    inner.send(buf, off, len);
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    return inner.receive(buf, off, len, timeoutMillis);
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
