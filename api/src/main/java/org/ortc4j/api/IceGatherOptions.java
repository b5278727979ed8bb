package org.ortc4j.api;

import java.util.List;
import java.util.Objects;
import org.ortc4j.ice.IceGatherPolicy;
import org.ortc4j.ice.IceServer;

/**
 * Per-gatherer options: the STUN and TURN servers to gather from, and which candidates to keep.
 * Where host candidates are bound comes from {@link OrtcSettings}.
 *
 * @param iceServers STUN/TURN servers, possibly none
 * @param policy {@link IceGatherPolicy#ALL} or relay-only
 * @see <a href="https://www.w3.org/TR/ortc/#rtcicegatheroptions*">W3C ORTC RTCIceGatherOptions</a>
 */
public record IceGatherOptions(List<IceServer> iceServers, IceGatherPolicy policy) {
  /** Copies the list; rejects nulls. */
  public IceGatherOptions {
    iceServers = List.copyOf(iceServers);
    Objects.requireNonNull(policy, "policy");
  }

  /** No servers, every candidate type: host candidates only. */
  public static IceGatherOptions hostOnly() {
    return new IceGatherOptions(List.of(), IceGatherPolicy.ALL);
  }

  /** These servers, every candidate type. */
  public static IceGatherOptions withServers(List<IceServer> servers) {
    return new IceGatherOptions(servers, IceGatherPolicy.ALL);
  }
}
