package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.DatagramSocketImpl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOptions;
import java.net.SocketTimeoutException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The socket ice4j sees for one of our sockets (a UDP host socket, or a TCP connection to a
 * TURN server): it sends through our {@link Sender} and receives only the STUN (and TURN
 * ChannelData) messages our read loop hands it.
 *
 * <p>ice4j's own receive path (one reader thread per socket into a 100-slot queue) loses most of
 * a media burst, so media never goes through it: our read loop reads the real socket and gives
 * ice4j a copy of what is its business. The socket owns no file descriptor of its own (the
 * {@link DatagramSocketImpl} passed up is never used).
 */
final class StunQueueSocket extends DatagramSocket {
  private static final int QUEUE_SLOTS = 512;
  private static final Datagram CLOSED_MARK = new Datagram(new byte[0], null);

  /** Where ice4j's sends go: our real socket. */
  interface Sender {
    /** Sends {@code len} bytes of {@code buf} from {@code off} to {@code to}. */
    void send(byte[] buf, int off, int len, SocketAddress to) throws IOException;
  }

  private final Sender sender;
  private final InetSocketAddress local;
  private final BlockingQueue<Datagram> queue = new ArrayBlockingQueue<>(QUEUE_SLOTS);
  private volatile boolean closed;
  private volatile int soTimeoutMillis;

  private record Datagram(byte[] data, InetSocketAddress from) {}

  StunQueueSocket(Sender sender, InetSocketAddress local) {
    super(new UnusedImpl());
    this.sender = sender;
    this.local = local;
  }

  /** Queues a copy of a datagram for ice4j; false (a counted drop) when the queue is full. */
  boolean offer(byte[] buf, int off, int len, InetSocketAddress from) {
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    return !closed && queue.offer(new Datagram(copy, from));
  }

  @Override
  public void receive(DatagramPacket p) throws IOException {
    Datagram d = nextDatagram();
    if (d == CLOSED_MARK) {
      queue.offer(CLOSED_MARK); // wake any other reader too
      throw new SocketException("Socket is closed");
    }
    int len = Math.min(d.data.length, p.getData().length - p.getOffset());
    System.arraycopy(d.data, 0, p.getData(), p.getOffset(), len);
    p.setLength(len);
    p.setSocketAddress(d.from);
  }

  private Datagram nextDatagram() throws IOException {
    if (closed) {
      return CLOSED_MARK;
    }
    try {
      int timeout = soTimeoutMillis;
      if (timeout <= 0) {
        return queue.take();
      }
      Datagram d = queue.poll(timeout, TimeUnit.MILLISECONDS);
      if (d == null) {
        throw new SocketTimeoutException("Receive timed out");
      }
      return d;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException("Interrupted");
    }
  }

  @Override
  public void send(DatagramPacket p) throws IOException {
    if (closed) {
      throw new SocketException("Socket is closed");
    }
    sender.send(p.getData(), p.getOffset(), p.getLength(), p.getSocketAddress());
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.clear();
      queue.offer(CLOSED_MARK);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isBound() {
    return true;
  }

  @Override
  public boolean isConnected() {
    return false;
  }

  @Override
  public InetAddress getLocalAddress() {
    return local.getAddress();
  }

  @Override
  public int getLocalPort() {
    return local.getPort();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return local;
  }

  @Override
  public InetAddress getInetAddress() {
    return null;
  }

  @Override
  public int getPort() {
    return -1;
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return null;
  }

  @Override
  public DatagramChannel getChannel() {
    return null; // ice4j must not read the real channel
  }

  @Override
  public void setSoTimeout(int timeout) {
    soTimeoutMillis = timeout;
  }

  @Override
  public int getSoTimeout() {
    return soTimeoutMillis;
  }

  @Override
  public int getReceiveBufferSize() {
    return 1500;
  }

  @Override
  public void setReceiveBufferSize(int size) {
    // our read loop owns the real socket's buffer
  }

  @Override
  public int getSendBufferSize() {
    return 1500;
  }

  @Override
  public void setSendBufferSize(int size) {
    // the real socket's buffer is ours
  }

  @Override
  public void setTrafficClass(int tc) {
    // not forwarded
  }

  @Override
  public int getTrafficClass() {
    return 0;
  }

  @Override
  public void connect(InetAddress address, int port) {
    throw new UnsupportedOperationException("ice4j's socket view is never connected");
  }

  @Override
  public void connect(SocketAddress addr) {
    throw new UnsupportedOperationException("ice4j's socket view is never connected");
  }

  @Override
  public void disconnect() {
    // never connected
  }

  /** Never used: every method ice4j calls is overridden above, so no descriptor is opened. */
  private static final class UnusedImpl extends DatagramSocketImpl {
    @Override
    protected void create() throws SocketException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void bind(int lport, InetAddress laddr) throws SocketException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void send(DatagramPacket p) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected int peek(InetAddress i) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected int peekData(DatagramPacket p) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void receive(DatagramPacket p) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void setTTL(byte ttl) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    @SuppressWarnings("deprecation")
    protected byte getTTL() throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void setTimeToLive(int ttl) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected int getTimeToLive() throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void join(InetAddress inetaddr) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void leave(InetAddress inetaddr) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void joinGroup(SocketAddress a, NetworkInterface n) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void leaveGroup(SocketAddress a, NetworkInterface n) throws IOException {
      throw new SocketException("not a real socket");
    }

    @Override
    protected void close() {}

    @Override
    public void setOption(int optID, Object value) throws SocketException {
      throw new SocketException("not a real socket");
    }

    @Override
    public Object getOption(int optID) throws SocketException {
      if (optID == SocketOptions.SO_TIMEOUT) {
        return 0;
      }
      throw new SocketException("not a real socket");
    }
  }
}
