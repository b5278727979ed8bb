package org.ortc4j.dtls;

import java.io.IOException;

/**
 * The datagram path a {@link DtlsSession} runs over: send one datagram, receive one with a
 * timeout, close. A UDP socket ({@link UdpPacketTransport}), an ICE connection fed by an RFC 7983
 * demultiplexer, or an in-memory pipe in tests can implement it.
 *
 * <p>Threading: a session calls {@link #receive} from its own thread only, and {@link #send} from
 * its thread and from callers of {@link DtlsSession#send}; implementations must allow one
 * receiver and concurrent senders. {@link #close()} may be called from any thread and must make
 * a blocked {@link #receive} return or throw promptly.
 *
 * <p>A session owns its transport: it closes it when the session ends.
 */
public interface PacketTransport extends AutoCloseable {
  /**
   * Sends {@code len} bytes from {@code buf[off]} as one datagram. Datagrams may be lost,
   * reordered or duplicated; DTLS copes.
   *
   * @throws IOException if the transport is closed or the datagram cannot be sent
   */
  void send(byte[] buf, int off, int len) throws IOException;

  /**
   * Waits up to {@code timeoutMillis} for one datagram and copies it to {@code buf[off]}; a
   * longer datagram is truncated to {@code len}.
   *
   * @param timeoutMillis the longest wait in milliseconds; 0 means do not wait
   * @return the datagram length, or -1 if none arrived in time
   * @throws IOException if the transport is closed (also while waiting) or fails
   */
  int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException;

  /**
   * The largest datagram in bytes this transport can deliver and send; a session sizes its
   * receive buffers to it and never sends a larger datagram.
   */
  int maxDatagramSize();

  /** Releases the transport; idempotent. A blocked {@link #receive} ends promptly. */
  @Override
  void close();
}
