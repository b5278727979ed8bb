package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * One bound UDP socket of ours with its read loop: STUN and TURN traffic is copied to ice4j's
 * views of the socket, everything else goes straight to the agent's connection.
 *
 * <p>ice4j gets two views. STUN messages go to the one registered directly with its STUN stack
 * (no filtering socket in between: ice4j's filtered sockets each hold an unbound descriptor
 * until garbage collection). TURN ChannelData goes to the view under the candidate's
 * multiplexing socket, where ice4j's relayed socket reads it; that view stays idle without a
 * TURN server.
 *
 * <p>The socket is a {@link DatagramSocket}, not a {@code DatagramChannel}: a channel is closed
 * for good when a thread sending on it is interrupted, and ice4j interrupts its own threads
 * mid-send (a STUN transaction answered while its retransmission is being sent is cancelled with
 * {@code Future.cancel(true)}), which killed the selected path right after consent came back. A
 * {@code DatagramSocket} is not interruptible, so no sender's interrupt can close it.
 */
public final class HostSocket implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HostSocket.class.getName());
  private static final int MAX_DATAGRAM = 65_536;
  private static final long JOIN_MILLIS = 2_000;

  /** Where the read loop sends what is not ice4j's. */
  public interface Dispatcher {
    /** A non-STUN datagram arrived; {@code buf} is reused after the call. */
    void onDatagram(HostSocket socket, byte[] buf, int len, InetSocketAddress from);

    /** Whether {@code from} is a TURN server (its ChannelData belongs to ice4j). */
    boolean isTurnServer(InetSocketAddress from);

    /** ice4j's STUN queue was full and a message was dropped. */
    void onStunOverflow();
  }

  private final DatagramSocket socket;
  private final InetSocketAddress local;
  private final StunQueueSocket stackView;
  private final IceUdpSocketWrapper stackWrapper;
  private final StunQueueSocket channelDataView;
  private final MultiplexingDatagramSocket multiplexer;
  private final IceUdpSocketWrapper wrapper;
  private final Dispatcher dispatcher;
  private final Thread reader;
  private final Object checksLock = new Object();
  /** Checks that came before ours started; null once they did. Guarded by checksLock. */
  private List<HeldCheck> heldChecks = new ArrayList<>();

  /** How many early connectivity checks wait for the role; more are dropped (peers resend). */
  static final int HELD_CHECKS_LIMIT = 16;

  private record HeldCheck(byte[] data, InetSocketAddress from) {}

  private HostSocket(DatagramSocket socket, Dispatcher dispatcher) throws IOException {
    this.socket = socket;
    this.local = (InetSocketAddress) socket.getLocalSocketAddress();
    this.dispatcher = dispatcher;
    this.stackView = new StunQueueSocket(this::send, local);
    this.stackWrapper = new IceUdpSocketWrapper(stackView);
    this.channelDataView = new StunQueueSocket(this::send, local);
    this.multiplexer = new MultiplexingDatagramSocket(channelDataView);
    this.wrapper = new IceUdpSocketWrapper(multiplexer);
    this.reader = new Thread(this::readLoop, "ortc4j-ice-read-" + local.getPort());
    reader.setDaemon(true);
  }

  /**
   * Binds a socket on {@code address} within {@code [minPort, maxPort]} (0, 0: ephemeral).
   *
   * @throws IOException if no port in the range could be bound
   */
  public static HostSocket bind(
      InetAddress address, int minPort, int maxPort, int receiveBufferSize, Dispatcher dispatcher)
      throws IOException {
    DatagramSocket socket = bindSocket(address, minPort, maxPort);
    try {
      socket.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
      socket.setOption(StandardSocketOptions.SO_SNDBUF, receiveBufferSize);
      return new HostSocket(socket, dispatcher);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static DatagramSocket bindSocket(InetAddress address, int minPort, int maxPort)
      throws IOException {
    if (minPort == 0 && maxPort == 0) {
      return bindSocket(new InetSocketAddress(address, 0));
    }
    int span = maxPort - minPort + 1;
    int first = ThreadLocalRandom.current().nextInt(span);
    IOException last = null;
    for (int i = 0; i < span; i++) {
      try {
        return bindSocket(new InetSocketAddress(address, minPort + (first + i) % span));
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IOException("no free UDP port on " + address + " in " + minPort + ".." + maxPort,
        last);
  }

  private static DatagramSocket bindSocket(InetSocketAddress at) throws IOException {
    DatagramSocket socket = new DatagramSocket(null);
    try {
      socket.bind(at);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Starts the read loop. */
  public void startReading() {
    reader.start();
  }

  /** The bound address. */
  public InetSocketAddress localAddress() {
    return local;
  }

  /** ice4j's view of this socket for its candidate (a multiplexing socket). */
  public IceUdpSocketWrapper ice4jWrapper() {
    return wrapper;
  }

  /** ice4j's view of this socket for its STUN stack. */
  public IceUdpSocketWrapper stunStackWrapper() {
    return stackWrapper;
  }

  /**
   * Sends a datagram from this socket. An interrupted caller neither closes the socket nor loses
   * its interrupt status.
   */
  public void send(byte[] buf, int off, int len, SocketAddress to) throws IOException {
    socket.send(new DatagramPacket(buf, off, len, to));
  }

  private void readLoop() {
    byte[] bytes = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(bytes, bytes.length);
    while (true) {
      packet.setData(bytes, 0, bytes.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
        LOG.log(System.Logger.Level.DEBUG, "receive failed on " + local, e);
        continue;
      }
      dispatch(bytes, packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
    }
  }

  private void dispatch(byte[] bytes, int len, InetSocketAddress from) {
    StunQueueSocket view = null;
    if (StunPackets.isStun(bytes, 0, len)) {
      view = stackView;
    } else if (StunPackets.isChannelData(bytes, 0, len) && dispatcher.isTurnServer(from)) {
      view = channelDataView;
    }
    if (view == null) {
      dispatcher.onDatagram(this, bytes, len, from);
    } else if (view == stackView && StunPackets.isBindingRequest(bytes, 0, len)
        && holdCheck(bytes, len, from)) {
      return;
    } else if (!view.offer(bytes, 0, len, from)) {
      dispatcher.onStunOverflow();
    }
  }

  /**
   * Holds a connectivity check that arrives before our checks start. Until then our role is
   * unknown, and ice4j would answer from its default role: a peer that checks as soon as it has
   * our signal (werift) met a "role conflict" that swapped the roles both sides were given.
   */
  private boolean holdCheck(byte[] bytes, int len, InetSocketAddress from) {
    synchronized (checksLock) {
      if (heldChecks == null) {
        return false;
      }
      if (heldChecks.size() < HELD_CHECKS_LIMIT) {
        heldChecks.add(new HeldCheck(Arrays.copyOf(bytes, len), from));
      }
      return true;
    }
  }

  /** Passes connectivity checks to ice4j from now on, the held ones first, in order. */
  public void startChecks() {
    List<HeldCheck> held;
    synchronized (checksLock) {
      held = heldChecks;
      heldChecks = null;
    }
    if (held == null) {
      return;
    }
    for (HeldCheck c : held) {
      if (!stackView.offer(c.data(), 0, c.data().length, c.from())) {
        dispatcher.onStunOverflow();
      }
    }
  }

  /** Closes the socket, ice4j's view of it, and waits (bounded) for the read loop to end. */
  @Override
  public void close() {
    socket.close();
    multiplexer.close();
    stackView.close();
    channelDataView.close();
    joinReader();
  }

  private void joinReader() {
    if (Thread.currentThread() == reader || !reader.isAlive()) {
      return;
    }
    try {
      reader.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
