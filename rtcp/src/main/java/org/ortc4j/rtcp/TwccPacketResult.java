package org.ortc4j.rtcp;

import java.util.Objects;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * What a {@link TransportWideCcFeedback} says about one transport-wide sequence number.
 *
 * @param sequenceNumber the transport-wide sequence number
 * @param status how the feedback reports it (never {@link TwccStatusSymbol#RESERVED})
 * @param arrivalTimeMicros for a received packet, its arrival time in microseconds on the
 *     feedback's clock: reference time × 64 000 µs plus the receive deltas so far × 250 µs; 0 when
 *     not received
 * @see TransportWideCcFeedback#packetResults()
 */
public record TwccPacketResult(
    int sequenceNumber, TwccStatusSymbol status, long arrivalTimeMicros) {
  public TwccPacketResult {
    FieldChecks.u16(sequenceNumber, "sequenceNumber");
    Objects.requireNonNull(status, "status");
    if (status == TwccStatusSymbol.RESERVED) {
      throw new IllegalArgumentException("no packet has the reserved status");
    }
    if (!status.received() && arrivalTimeMicros != 0) {
      throw new IllegalArgumentException("a packet not received has no arrival time");
    }
  }

  /** Whether the packet arrived. */
  public boolean received() {
    return status.received();
  }
}
