package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceConnectionStats;
import org.ortc4j.ice.IceDatagramHandler;
import org.ortc4j.ice.IceSendStatus;

/**
 * The datagram path over the selected pair: our host socket for host, server-reflexive and
 * peer-reflexive local candidates; ice4j's relayed socket (with one reader thread of ours) when
 * the local candidate is a relay.
 */
public final class AgentConnection implements IceConnection {
  private static final System.Logger LOG = System.getLogger(AgentConnection.class.getName());

  /** The selected path: exactly one of {@code host} and {@code relay} is set. */
  private record Path(HostSocket host, DatagramSocket relay, InetSocketAddress remote) {}

  private final Object deliverLock = new Object();
  private volatile Path path;
  private volatile IceDatagramHandler receiver;
  private volatile boolean closed;
  private Thread relayReader;

  private final LongAdder received = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder droppedNoReceiver = new LongAdder();
  private final LongAdder droppedNotSelected = new LongAdder();
  private final LongAdder droppedUnknownSource = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();
  private final LongAdder stunOverflow = new LongAdder();

  @Override
  public IceSendStatus send(byte[] buf, int off, int len) {
    if (closed) {
      return IceSendStatus.CLOSED;
    }
    Path p = path;
    if (p == null) {
      return IceSendStatus.NOT_CONNECTED;
    }
    try {
      if (p.host != null) {
        p.host.send(buf, off, len, p.remote);
      } else {
        p.relay.send(new DatagramPacket(buf, off, len, p.remote));
      }
      sent.increment();
      return IceSendStatus.SENT;
    } catch (IOException | RuntimeException e) {
      sendFailures.increment();
      LOG.log(System.Logger.Level.DEBUG, () -> "send to " + p.remote + " failed", e);
      return closed ? IceSendStatus.CLOSED : IceSendStatus.FAILED;
    }
  }

  @Override
  public void setReceiver(IceDatagramHandler receiver) {
    this.receiver = receiver;
  }

  @Override
  public IceConnectionStats stats() {
    return new IceConnectionStats(received.sum(), delivered.sum(), droppedNoReceiver.sum(),
        droppedNotSelected.sum(), droppedUnknownSource.sum(), sent.sum(), sendFailures.sum(),
        stunOverflow.sum());
  }

  /** Selects a host-socket path. */
  public synchronized void selectHost(HostSocket host, InetSocketAddress remote) {
    stopRelayReader();
    path = new Path(host, null, plain(remote));
  }

  /** Selects a relayed path and starts reading the relayed socket. */
  public synchronized void selectRelay(DatagramSocket relay, InetSocketAddress remote) {
    stopRelayReader();
    Path p = new Path(null, relay, plain(remote));
    path = p;
    relayReader = new Thread(() -> readRelay(p), "ortc4j-ice-relay-read");
    relayReader.setDaemon(true);
    relayReader.start();
  }

  /** Stops carrying datagrams (consent expired). */
  public synchronized void deselect() {
    stopRelayReader();
    path = null;
  }

  /** Counts a STUN message ice4j's queue had no room for. */
  public void countStunOverflow() {
    stunOverflow.increment();
  }

  /** Called by a host socket's read loop for every non-STUN datagram. */
  public void onHostDatagram(HostSocket socket, byte[] buf, int len, InetSocketAddress from) {
    received.increment();
    Path p = path;
    if (p == null) {
      droppedNotSelected.increment();
    } else if (p.host != socket || !p.remote.equals(from)) {
      droppedUnknownSource.increment();
    } else {
      deliver(buf, 0, len);
    }
  }

  private void deliver(byte[] buf, int off, int len) {
    IceDatagramHandler r = receiver;
    if (r == null) {
      droppedNoReceiver.increment();
      return;
    }
    delivered.increment();
    // Uncontended but for the moment the selected pair moves to another socket, whose read
    // loop then waits: the receiver is never called concurrently.
    synchronized (deliverLock) {
      try {
        r.onDatagram(buf, off, len);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "datagram receiver threw", e);
      }
    }
  }

  private void readRelay(Path p) {
    byte[] buf = new byte[65_536];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (path == p && !closed) {
      try {
        packet.setData(buf, 0, buf.length);
        p.relay.receive(packet);
      } catch (IOException e) {
        return;
      }
      received.increment();
      if (!p.remote.equals(packet.getSocketAddress())) {
        droppedUnknownSource.increment();
      } else if (!StunPackets.isStun(buf, packet.getOffset(), packet.getLength())) {
        deliver(buf, packet.getOffset(), packet.getLength());
      }
    }
  }

  private void stopRelayReader() {
    Thread t = relayReader;
    relayReader = null;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Stops sending and delivering. */
  public synchronized void close() {
    closed = true;
    deselect();
  }

  private static InetSocketAddress plain(InetSocketAddress a) {
    return new InetSocketAddress(a.getAddress(), a.getPort());
  }
}
