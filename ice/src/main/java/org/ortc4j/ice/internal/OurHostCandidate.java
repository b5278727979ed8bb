package org.ortc4j.ice.internal;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.ice.Candidate;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;

/**
 * A host candidate on one of our sockets. Under the relay-only policy it is not paired with
 * any remote candidate: it only serves as the base of TURN allocations.
 */
final class OurHostCandidate extends HostCandidate {
  private final HostSocket socket;
  private final boolean pairable;

  OurHostCandidate(HostSocket socket, Component component, boolean pairable) {
    super(socket.ice4jWrapper(), component, Transport.UDP);
    this.socket = socket;
    this.pairable = pairable;
  }

  HostSocket hostSocket() {
    return socket;
  }

  boolean pairable() {
    return pairable;
  }

  /**
   * Without a server address ice4j wants the socket its STUN stack uses: ours, rather than a
   * new filtered socket (each holds a descriptor until garbage collection, and ice4j asks for
   * one on every failed send while it shuts down).
   */
  @Override
  public IceSocketWrapper getStunSocket(TransportAddress serverAddress) {
    return serverAddress == null ? socket.stunStackWrapper() : super.getStunSocket(serverAddress);
  }

  @Override
  public boolean canReach(Candidate<?> dst) {
    return pairable && super.canReach(dst);
  }
}
