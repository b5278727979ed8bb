package org.ortc4j.srtp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of how many packets of each outcome a context has seen, for SRTP and for SRTCP.
 * Every {@link SrtpStatus} has an entry (0 when it never happened). Immutable.
 *
 * @param rtp count per status of SRTP packets
 * @param rtcp count per status of SRTCP packets
 */
public record SrtpCounters(Map<SrtpStatus, Long> rtp, Map<SrtpStatus, Long> rtcp) {
  /** Copies both maps, filling in 0 for statuses they lack. */
  public SrtpCounters {
    rtp = complete(Objects.requireNonNull(rtp, "rtp"));
    rtcp = complete(Objects.requireNonNull(rtcp, "rtcp"));
  }

  /** SRTP packets that ended with {@code status}. */
  public long rtp(SrtpStatus status) {
    return rtp.get(status);
  }

  /** SRTCP packets that ended with {@code status}. */
  public long rtcp(SrtpStatus status) {
    return rtcp.get(status);
  }

  /** SRTP and SRTCP packets dropped, whatever the reason: everything but {@code OK}. */
  public long dropped() {
    long sum = 0;
    for (SrtpStatus status : SrtpStatus.values()) {
      if (status != SrtpStatus.OK) {
        sum += rtp.get(status) + rtcp.get(status);
      }
    }
    return sum;
  }

  private static Map<SrtpStatus, Long> complete(Map<SrtpStatus, Long> counts) {
    Map<SrtpStatus, Long> copy = new EnumMap<>(SrtpStatus.class);
    for (SrtpStatus status : SrtpStatus.values()) {
      copy.put(status, counts.getOrDefault(status, 0L));
    }
    return Map.copyOf(copy);
  }
}
