package org.ortc4j.ice.internal;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Candidate;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.socket.IceSocketWrapper;

/**
 * The base ice4j's TURN client allocates from when the server is reached over TCP: our {@link
 * TurnTcpConnection}. It is never added to the component, signalled or paired; only the relay
 * candidate allocated through it is. ice4j sees it as UDP because the connection carries whole
 * messages, as a datagram socket would.
 */
final class TurnTcpBaseCandidate extends HostCandidate {
  private final TurnTcpConnection connection;

  TurnTcpBaseCandidate(TurnTcpConnection connection, Component component) {
    super(connection.ice4jWrapper(), component, Transport.UDP);
    this.connection = connection;
  }

  /** The STUN stack uses our view of the connection, not a new filtered socket. */
  @Override
  public IceSocketWrapper getStunSocket(TransportAddress serverAddress) {
    return connection.stunStackWrapper();
  }

  @Override
  public boolean canReach(Candidate<?> dst) {
    return false;
  }
}
