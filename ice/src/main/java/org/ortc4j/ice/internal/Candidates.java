package org.ortc4j.ice.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Candidate;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.RemoteCandidate;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidateType;
import org.ortc4j.ice.IceProtocol;

/** Converts candidates between ice4j and our records. */
public final class Candidates {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Candidates() {}

  /**
   * ice4j gives a relay's related address only when the Allocate's mapped address is one of our
   * candidates; over a TCP control connection it is that connection's address, so fall back to
   * the mapped address itself (RFC 8839 §5.1: a relay's related address is its mapped address).
   */
  private static TransportAddress related(Candidate<?> c) {
    if (c.getType() == CandidateType.HOST_CANDIDATE) {
      return null;
    }
    TransportAddress related = c.getRelatedAddress();
    if (related == null && c.getType() == CandidateType.RELAYED_CANDIDATE) {
      related = c.getMappedAddress();
    }
    return related;
  }

  /** Our record for an ice4j candidate. */
  public static IceCandidate toRecord(Candidate<?> c) {
    TransportAddress address = c.getTransportAddress();
    TransportAddress related = related(c);
    IceProtocol protocol = c.getTransport() == Transport.UDP ? IceProtocol.UDP : IceProtocol.TCP;
    return new IceCandidate(
        c.getFoundation(),
        c.getPriority(),
        Addresses.toText(address.getAddress()),
        protocol,
        address.getPort(),
        type(c.getType()),
        c.getParentComponent().getComponentID(),
        related == null ? null : Addresses.toText(related.getAddress()),
        related == null ? null : related.getPort(),
        protocol == IceProtocol.TCP && c.getTcpType() != null ? c.getTcpType().toString() : null);
  }

  private static IceCandidateType type(CandidateType type) {
    return switch (type) {
      case HOST_CANDIDATE -> IceCandidateType.HOST;
      case SERVER_REFLEXIVE_CANDIDATE, STUN_CANDIDATE -> IceCandidateType.SRFLX;
      case PEER_REFLEXIVE_CANDIDATE -> IceCandidateType.PRFLX;
      case RELAYED_CANDIDATE -> IceCandidateType.RELAY;
      default -> IceCandidateType.HOST;
    };
  }

  private static CandidateType type(IceCandidateType type) {
    return switch (type) {
      case HOST -> CandidateType.HOST_CANDIDATE;
      case SRFLX -> CandidateType.SERVER_REFLEXIVE_CANDIDATE;
      case PRFLX -> CandidateType.PEER_REFLEXIVE_CANDIDATE;
      case RELAY -> CandidateType.RELAYED_CANDIDATE;
    };
  }

  /**
   * ice4j's remote candidate for a UDP candidate with a literal IP address; empty for TCP and
   * for names (mDNS {@code .local} names are not resolved: no lookups nobody configured).
   */
  public static Optional<RemoteCandidate> toRemote(IceCandidate c, Component component) {
    if (c.protocol() != IceProtocol.UDP || c.component() != component.getComponentID()) {
      return Optional.empty();
    }
    Optional<InetAddress> address = literal(c.address());
    if (address.isEmpty()) {
      return Optional.empty();
    }
    TransportAddress ta = new TransportAddress(address.get(), c.port(), Transport.UDP);
    return Optional.of(new RemoteCandidate(
        ta, component, type(c.type()), c.foundation(), c.priority(), null));
  }

  /** The address if the text is an IPv4 or IPv6 literal; never a DNS lookup. */
  public static Optional<InetAddress> literal(String text) {
    boolean v6 = text.indexOf(':') >= 0;
    if (!v6 && !IPV4.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      String bare = v6 && text.startsWith("[") ? text.substring(1, text.length() - 1) : text;
      return Optional.of(InetAddress.getByName(bare));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
