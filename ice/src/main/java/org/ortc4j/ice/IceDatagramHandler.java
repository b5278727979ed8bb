package org.ortc4j.ice;

/** Receives the datagrams of an {@link IceConnection}. */
@FunctionalInterface
public interface IceDatagramHandler {
  /**
   * Handles one datagram from the selected remote candidate. Called from the read loop of the
   * selected pair's socket: never concurrently, and the next datagram waits until this
   * returns. {@code buf} is reused after the call returns: copy what must be kept.
   *
   * @param buf the buffer holding the datagram
   * @param off where the datagram starts
   * @param len its length in bytes
   */
  void onDatagram(byte[] buf, int off, int len);
}
