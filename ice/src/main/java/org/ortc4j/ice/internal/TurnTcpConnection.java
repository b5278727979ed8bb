package org.ortc4j.ice.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * One TCP control connection to a TURN server ({@code turn:...?transport=tcp}), shown to ice4j
 * as a datagram socket: its TURN client then allocates a UDP relay over it as over UDP.
 *
 * <p>ice4j's own TCP sockets frame every message with a 2-byte length (RFC 4571, meant for
 * ICE-TCP), which a TURN server does not speak; on this connection STUN messages are delimited
 * by their own length field and ChannelData is padded to a multiple of 4 bytes:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|  STUN type    |  Length L |  magic, id, L bytes attributes |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 1| Channel Number            |  Length L | L bytes + 0-3 pad |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Like {@link HostSocket}, ice4j gets two views: STUN messages go to the one registered with
 * its STUN stack, ChannelData to the one under the multiplexing socket where its relayed socket
 * reads.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8656#section-12.5">RFC 8656 §12.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8489#section-6.2.2">RFC 8489 §6.2.2</a>
 */
final class TurnTcpConnection implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TurnTcpConnection.class.getName());
  private static final int CHANNEL_DATA_HEADER = 4;
  private static final long JOIN_MILLIS = 2_000;

  private final InetSocketAddress server;
  private final Socket socket = new Socket();
  private final Object writeLock = new Object();
  private volatile boolean closed;
  private InetSocketAddress local;
  private OutputStream out;
  private StunQueueSocket stackView;
  private IceUdpSocketWrapper stackWrapper;
  private StunQueueSocket channelDataView;
  private MultiplexingDatagramSocket multiplexer;
  private IceUdpSocketWrapper wrapper;
  private volatile Thread reader;

  TurnTcpConnection(InetSocketAddress server) {
    this.server = server;
  }

  /**
   * Connects within {@code timeout} and starts reading. {@link #close()} from another thread
   * ends a connect in progress.
   *
   * @throws IOException if the server refuses, does not answer in time, or we were closed
   */
  void connect(Duration timeout) throws IOException {
    socket.setTcpNoDelay(true);
    socket.connect(server, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    if (closed) {
      throw new SocketException("closed while connecting");
    }
    local = (InetSocketAddress) socket.getLocalSocketAddress();
    out = socket.getOutputStream();
    stackView = new StunQueueSocket(this::send, local);
    stackWrapper = new IceUdpSocketWrapper(stackView);
    channelDataView = new StunQueueSocket(this::send, local);
    multiplexer = new MultiplexingDatagramSocket(channelDataView);
    wrapper = new IceUdpSocketWrapper(multiplexer);
    reader = new Thread(this::readLoop, "ortc4j-ice-turn-tcp-" + local.getPort());
    reader.setDaemon(true);
    reader.start();
  }

  /** The connection's local address (the TCP port); null before {@link #connect}. */
  InetSocketAddress localAddress() {
    return local;
  }

  /** ice4j's view for its candidate (a multiplexing socket, for ChannelData). */
  IceUdpSocketWrapper ice4jWrapper() {
    return wrapper;
  }

  /** ice4j's view for its STUN stack. */
  IceUdpSocketWrapper stunStackWrapper() {
    return stackWrapper;
  }

  /** Writes one STUN message or ChannelData to the server, padding ChannelData to 4 bytes. */
  private void send(byte[] buf, int off, int len, SocketAddress to) throws IOException {
    if (!server.equals(to)) {
      throw new SocketException("a TURN TCP connection only reaches its server, not " + to);
    }
    int pad = StunPackets.isChannelData(buf, off, len) ? (4 - len % 4) % 4 : 0;
    synchronized (writeLock) {
      out.write(buf, off, len);
      if (pad > 0) {
        out.write(new byte[pad]);
      }
      out.flush();
    }
  }

  private void readLoop() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] buf = new byte[StunPackets.HEADER_LENGTH + 65_535];
      while (!closed) {
        readMessage(in, buf);
      }
    } catch (EOFException e) {
      LOG.log(System.Logger.Level.DEBUG, "TURN server closed the TCP connection: " + server);
    } catch (IOException e) {
      if (!closed) {
        LOG.log(System.Logger.Level.DEBUG, "TURN TCP connection to " + server + " failed", e);
      }
    } finally {
      closeViews();
    }
  }

  private void readMessage(DataInputStream in, byte[] buf) throws IOException {
    in.readFully(buf, 0, CHANNEL_DATA_HEADER);
    int length = (buf[2] & 0xFF) << 8 | buf[3] & 0xFF;
    int top = buf[0] & 0xC0;
    if (top == 0) {
      int total = StunPackets.HEADER_LENGTH + length;
      in.readFully(buf, CHANNEL_DATA_HEADER, total - CHANNEL_DATA_HEADER);
      offer(stackView, buf, total);
    } else if (top == 0x40) {
      int padded = (length + 3) & ~3;
      in.readFully(buf, CHANNEL_DATA_HEADER, padded);
      offer(channelDataView, buf, CHANNEL_DATA_HEADER + length);
    } else {
      throw new IOException("neither STUN nor ChannelData from TURN server " + server
          + ": first byte " + (buf[0] & 0xFF));
    }
  }

  private void offer(StunQueueSocket view, byte[] buf, int len) {
    if (!view.offer(buf, 0, len, server)) {
      LOG.log(System.Logger.Level.DEBUG, "ice4j's queue is full; dropped a TURN message");
    }
  }

  private void closeViews() {
    if (multiplexer != null) {
      multiplexer.close();
      stackView.close();
      channelDataView.close();
    }
  }

  /** Closes the connection (ending a connect in progress) and waits, bounded, for the reader. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the TURN TCP connection failed", e);
    }
    Thread t = reader;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "TURN over TCP to " + server + " from " + local;
  }
}
