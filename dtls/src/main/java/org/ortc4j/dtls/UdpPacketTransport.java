package org.ortc4j.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/**
 * A {@link PacketTransport} over a JDK {@link DatagramChannel} bound to a local address and
 * connected to one remote address, so that datagrams from any other source are discarded by
 * the kernel.
 *
 * <p>Thread-safe: one receiver and any number of senders; {@link #close()} from any thread ends
 * a blocked receive at once.
 */
public final class UdpPacketTransport implements PacketTransport {
  /** The largest UDP payload over IPv4. */
  public static final int MAX_UDP_PAYLOAD = 65_507;

  private final DatagramChannel channel;

  private UdpPacketTransport(DatagramChannel channel) {
    this.channel = channel;
  }

  /**
   * Binds a UDP socket to {@code local} (port 0 picks a free one) and connects it to {@code
   * remote}.
   *
   * @throws IOException if the address cannot be bound or connected
   */
  public static UdpPacketTransport open(InetSocketAddress local, InetSocketAddress remote)
      throws IOException {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    StandardProtocolFamily family = local.getAddress() instanceof java.net.Inet6Address
        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.bind(local);
      channel.connect(remote);
      return new UdpPacketTransport(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The bound local address, e.g. to learn the port picked for port 0. */
  public InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** The connected remote address. */
  public InetSocketAddress remoteAddress() throws IOException {
    return (InetSocketAddress) channel.getRemoteAddress();
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    channel.write(ByteBuffer.wrap(buf, off, len));
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    DatagramPacket packet = new DatagramPacket(buf, off, len);
    // a socket timeout of 0 would mean "forever": wait the shortest time instead
    channel.socket().setSoTimeout(Math.max(1, timeoutMillis));
    try {
      channel.socket().receive(packet);
      return packet.getLength();
    } catch (SocketTimeoutException e) {
      return -1;
    }
  }

  /** {@value #MAX_UDP_PAYLOAD}: a session's own datagrams are bounded by its configured MTU. */
  @Override
  public int maxDatagramSize() {
    return MAX_UDP_PAYLOAD;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing to release beyond the descriptor, which close() frees even when it throws
    }
  }
}
