package org.ortc4j.ice;

/**
 * The datagram connection over an agent's selected pair: what DTLS and SRTP run on.
 *
 * <p>Obtained from {@link IceAgent#connection()}; exists from the agent's creation, and carries
 * datagrams once a pair is selected. Thread-safe: {@link #send} may be called from any thread.
 * Received datagrams go to one {@link IceDatagramHandler}, called from our read loop of the
 * selected pair's socket (never concurrently); datagrams from any other address than the selected
 * remote candidate are dropped and counted. Up to 32 datagrams that arrive before the first
 * selection (the peer may select first and speak at once) are held and delivered on selection
 * if they came from the selected remote.
 */
public interface IceConnection {
  /**
   * Sends one datagram to the selected remote candidate. An interrupted caller is served like
   * any other (the socket stays open, the interrupt status stays set).
   *
   * @param buf the data
   * @param off where the datagram starts
   * @param len its length in bytes
   * @return {@link IceSendStatus#SENT}, or why not
   */
  IceSendStatus send(byte[] buf, int off, int len);

  /** Sets the receiver of datagrams, replacing any previous one; null drops them (counted). */
  void setReceiver(IceDatagramHandler receiver);

  /** The current counters. */
  IceConnectionStats stats();
}
