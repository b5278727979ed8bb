package org.ortc4j.ice;

import java.util.Objects;

/**
 * A local and a remote candidate that were checked together.
 *
 * @param local our candidate
 * @param remote the peer's candidate (possibly a peer-reflexive one learned from a check)
 */
public record IceCandidatePair(IceCandidate local, IceCandidate remote) {
  /** Checks that neither side is null. */
  public IceCandidatePair {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }
}
