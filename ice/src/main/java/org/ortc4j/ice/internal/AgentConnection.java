package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceConnectionStats;
import org.ortc4j.ice.IceDatagramHandler;
import org.ortc4j.ice.IceSendStatus;

/**
 * The datagram path over the selected pair: our host socket for host, server-reflexive and
 * peer-reflexive local candidates; ice4j's relayed socket (with one reader thread of ours) when
 * the local candidate is a relay.
 *
 * <p>Datagrams that arrive on a host socket before the first pair is selected are held (up to
 * {@link #EARLY_LIMIT}) and delivered, in order, when the pair is selected if they came from its
 * remote candidate. The controlled agent selects first (on the nominating check) and its layers
 * send at once, e.g. a DTLS ClientHello that reaches the controlling agent just before the
 * answer to its own check does; dropping it cost a 1 s DTLS retransmission in ~40 % of calls.
 */
public final class AgentConnection implements IceConnection {
  private static final System.Logger LOG = System.getLogger(AgentConnection.class.getName());

  /** The selected path: exactly one of {@code host} and {@code relay} is set. */
  private record Path(HostSocket host, DatagramSocket relay, InetSocketAddress remote) {}

  /** A datagram held until the first selection. */
  private record Early(HostSocket socket, byte[] data, InetSocketAddress from) {}

  /** How many datagrams wait for the first selection. */
  static final int EARLY_LIMIT = 32;

  private final Object deliverLock = new Object();
  private volatile Path path;
  private volatile IceDatagramHandler receiver;
  private volatile boolean closed;
  private Thread relayReader;
  private final ArrayDeque<Early> early = new ArrayDeque<>(); // guarded by deliverLock
  private boolean everSelected; // guarded by deliverLock

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
    Path p = new Path(host, null, plain(remote));
    synchronized (deliverLock) {
      path = p;
      releaseEarly(p);
    }
  }

  /** Delivers the held datagrams that came over the selected pair; drops the rest. */
  private void releaseEarly(Path p) {
    everSelected = true;
    for (Early e; (e = early.poll()) != null; ) {
      deliverIfOnPath(p, e.socket, e.data, e.data.length, e.from);
    }
  }

  /** Selects a relayed path and starts reading the relayed socket. */
  public synchronized void selectRelay(DatagramSocket relay, InetSocketAddress remote) {
    stopRelayReader();
    Path p = new Path(null, relay, plain(remote));
    synchronized (deliverLock) {
      path = p;
      releaseEarly(p); // host datagrams: none can match a relayed path
    }
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
      holdOrDrop(socket, buf, len, from);
    } else {
      deliverIfOnPath(p, socket, buf, len, from);
    }
  }

  private void deliverIfOnPath(Path p, HostSocket socket, byte[] buf, int len,
      InetSocketAddress from) {
    if (p.host == socket && p.remote.equals(from)) {
      deliver(buf, 0, len);
    } else {
      droppedUnknownSource.increment();
    }
  }

  private void holdOrDrop(HostSocket socket, byte[] buf, int len, InetSocketAddress from) {
    synchronized (deliverLock) {
      Path p = path;
      if (p != null) { // selected meanwhile
        deliverIfOnPath(p, socket, buf, len, from);
      } else if (!everSelected && !closed && early.size() < EARLY_LIMIT) {
        byte[] copy = new byte[len];
        System.arraycopy(buf, 0, copy, 0, len);
        early.add(new Early(socket, copy, plain(from)));
      } else {
        droppedNotSelected.increment();
      }
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
    synchronized (deliverLock) {
      droppedNotSelected.add(early.size());
      early.clear();
    }
  }

  private static InetSocketAddress plain(InetSocketAddress a) {
    return new InetSocketAddress(a.getAddress(), a.getPort());
  }
}
