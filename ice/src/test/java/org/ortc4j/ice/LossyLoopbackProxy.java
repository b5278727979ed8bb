package org.ortc4j.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A fake network path between two agents on 127.0.0.1, so that a test can cut it: each agent
 * is told the other is at one of the proxy's two ports, and the proxy forwards between them
 * unless {@link #dropAll} is set. The agents see consistent addresses (the proxy's ports), as
 * through a NAT.
 */
final class LossyLoopbackProxy implements AutoCloseable {
  private final DatagramChannel facingA;
  private final DatagramChannel facingB;
  private final InetSocketAddress a;
  private final InetSocketAddress b;
  private final Thread aToB;
  private final Thread bToA;
  volatile boolean dropAll;

  /** Forwards between {@code a} and {@code b}. */
  LossyLoopbackProxy(InetSocketAddress a, InetSocketAddress b) throws IOException {
    this.a = a;
    this.b = b;
    facingA = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    facingB = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    aToB = forward(facingA, facingB, b, "proxy-a-to-b");
    bToA = forward(facingB, facingA, a, "proxy-b-to-a");
  }

  /** Where agent A must send to reach B. */
  InetSocketAddress bAsSeenByA() throws IOException {
    return (InetSocketAddress) facingA.getLocalAddress();
  }

  /** Where agent B must send to reach A. */
  InetSocketAddress aAsSeenByB() throws IOException {
    return (InetSocketAddress) facingB.getLocalAddress();
  }

  private Thread forward(DatagramChannel in, DatagramChannel out, SocketAddress to, String name) {
    Thread t = new Thread(() -> {
      ByteBuffer buf = ByteBuffer.allocate(65_536);
      try {
        while (true) {
          buf.clear();
          in.receive(buf);
          buf.flip();
          if (!dropAll) {
            out.send(buf, to);
          }
        }
      } catch (ClosedChannelException closed) {
        // end of the test
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() throws IOException {
    facingA.close();
    facingB.close();
    try {
      aToB.join(2_000);
      bToA.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
