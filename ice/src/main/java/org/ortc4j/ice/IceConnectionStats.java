package org.ortc4j.ice;

/**
 * A snapshot of the datagram counters of an {@link IceConnection}. STUN traffic is not counted.
 *
 * @param received non-STUN datagrams read from the agent's sockets
 * @param delivered datagrams handed to the receiver
 * @param droppedNoReceiver dropped because no receiver was set
 * @param droppedNotSelected dropped because no pair was selected: beyond the first 32, which
 *     are held until the first selection, or while consent is lost
 * @param droppedUnknownSource dropped because they did not come from the selected remote
 *     (including held ones that did not)
 * @param sent datagrams sent
 * @param sendFailures sends the operating system refused
 * @param droppedStunOverflow STUN messages dropped because ice4j's queue was full
 */
public record IceConnectionStats(
    long received,
    long delivered,
    long droppedNoReceiver,
    long droppedNotSelected,
    long droppedUnknownSource,
    long sent,
    long sendFailures,
    long droppedStunOverflow) {

  /** All drops of received datagrams together. */
  public long dropped() {
    return droppedNoReceiver + droppedNotSelected + droppedUnknownSource;
  }
}
