package org.ortc4j.dtls;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a {@link PacketTransport} and keeps a copy of every datagram received, for checks. */
final class TappedPacketTransport implements PacketTransport {
  final List<byte[]> received = new CopyOnWriteArrayList<>();
  private final PacketTransport inner;

  TappedPacketTransport(PacketTransport inner) {
    this.inner = inner;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    inner.send(buf, off, len);
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    int n = inner.receive(buf, off, len, timeoutMillis);
    if (n >= 0) {
      received.add(java.util.Arrays.copyOfRange(buf, off, off + n));
    }
    return n;
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
