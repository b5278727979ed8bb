package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A receiver's record of one transport-wide sequence number, input to {@link
 * TransportWideCcFeedback#fromArrivals}.
 *
 * @param sequenceNumber the transport-wide sequence number
 * @param received whether the packet arrived
 * @param arrivalTimeMicros when it arrived, in microseconds on the clock the feedback's reference
 *     time counts in 64 ms steps; ignored (and 0 by the factories) when not received
 */
public record TwccArrival(int sequenceNumber, boolean received, long arrivalTimeMicros) {
  public TwccArrival {
    FieldChecks.u16(sequenceNumber, "sequenceNumber");
  }

  /** A packet that arrived at {@code arrivalTimeMicros}. */
  public static TwccArrival received(int sequenceNumber, long arrivalTimeMicros) {
    return new TwccArrival(sequenceNumber, true, arrivalTimeMicros);
  }

  /** A packet that did not arrive. */
  public static TwccArrival lost(int sequenceNumber) {
    return new TwccArrival(sequenceNumber, false, 0);
  }
}
