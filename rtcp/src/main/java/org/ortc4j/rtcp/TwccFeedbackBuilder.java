package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Encodes a receiver's arrivals as {@link TransportWideCcFeedback}: statuses and quantized deltas
 * first, then the chunks that describe the statuses.
 */
final class TwccFeedbackBuilder {
  private static final int MAX_STATUSES = 0xffff;
  private static final int MAX_SMALL_DELTA = 0xff;

  private TwccFeedbackBuilder() {}

  static TransportWideCcFeedback build(
      long senderSsrc,
      long mediaSsrc,
      int baseSequenceNumber,
      int referenceTime,
      int feedbackPacketCount,
      List<TwccArrival> arrivals) {
    FieldChecks.u16(baseSequenceNumber, "baseSequenceNumber");
    FieldChecks.range(
        referenceTime,
        TransportWideCcFeedback.MIN_REFERENCE_TIME,
        TransportWideCcFeedback.MAX_REFERENCE_TIME,
        "referenceTime");
    TwccArrival[] slots = bySequenceOffset(baseSequenceNumber, arrivals);
    byte[] statuses = new byte[slots.length];
    int[] deltas = quantize(slots, referenceTime, statuses);
    return TransportWideCcFeedback.encoded(
        senderSsrc,
        mediaSsrc,
        baseSequenceNumber,
        statuses.length,
        referenceTime,
        feedbackPacketCount,
        encodeChunks(statuses),
        deltas);
  }

  /**
   * Writes each slot's status code into {@code statuses} and returns the receive deltas, each
   * measured from the previous arrival as the feedback will state it (quantized, so that rounding
   * errors do not pile up over the packet).
   */
  private static int[] quantize(TwccArrival[] slots, int referenceTime, byte[] statuses) {
    int[] deltas = new int[received(slots)];
    int next = 0;
    long clock = referenceTime * TransportWideCcFeedback.REFERENCE_TIME_UNIT_MICROS;
    for (int i = 0; i < slots.length; i++) {
      TwccArrival arrival = slots[i];
      if (arrival == null || !arrival.received()) {
        statuses[i] = (byte) TwccStatusSymbol.NOT_RECEIVED.code();
        continue;
      }
      int ticks = deltaTicks(arrival, clock);
      clock += ticks * TransportWideCcFeedback.DELTA_UNIT_MICROS;
      deltas[next++] = ticks;
      statuses[i] =
          (byte)
              (ticks >= 0 && ticks <= MAX_SMALL_DELTA
                      ? TwccStatusSymbol.RECEIVED_SMALL_DELTA
                      : TwccStatusSymbol.RECEIVED_LARGE_DELTA)
                  .code();
    }
    return deltas;
  }

  private static int received(TwccArrival[] slots) {
    int received = 0;
    for (TwccArrival arrival : slots) {
      if (arrival != null && arrival.received()) {
        received++;
      }
    }
    return received;
  }

  /** The arrivals indexed by their distance from the base sequence number (with wrap). */
  private static TwccArrival[] bySequenceOffset(int base, List<TwccArrival> arrivals) {
    int count = 0;
    for (TwccArrival arrival : arrivals) {
      count = Math.max(count, offset(base, arrival) + 1);
    }
    if (count > MAX_STATUSES) {
      throw new IllegalArgumentException("more than " + MAX_STATUSES + " statuses from " + base);
    }
    TwccArrival[] slots = new TwccArrival[count];
    for (TwccArrival arrival : arrivals) {
      int offset = offset(base, arrival);
      if (slots[offset] != null) {
        throw new IllegalArgumentException(
            "sequence number " + arrival.sequenceNumber() + " is listed twice");
      }
      slots[offset] = arrival;
    }
    return slots;
  }

  private static int offset(int base, TwccArrival arrival) {
    return (arrival.sequenceNumber() - base) & 0xffff;
  }

  /** The arrival's distance from {@code clock} in 250 µs ticks, rounded half up. */
  private static int deltaTicks(TwccArrival arrival, long clock) {
    long difference;
    try {
      difference = Math.subtractExact(arrival.arrivalTimeMicros(), clock);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("arrival time out of range: " + arrival);
    }
    long unit = TransportWideCcFeedback.DELTA_UNIT_MICROS;
    long ticks =
        Math.floorDiv(difference, unit) + (Math.floorMod(difference, unit) * 2 >= unit ? 1 : 0);
    if (ticks < Short.MIN_VALUE || ticks > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the receive delta of " + arrival + " does not fit 16 bits: start another feedback");
    }
    return (int) ticks;
  }

  /**
   * Chunks for the status codes: at each position the kind that covers the most statuses, a run
   * length chunk on a tie (so a short tail becomes one run, not a mostly empty vector).
   */
  static List<TwccChunk> encodeChunks(byte[] statuses) {
    List<TwccChunk> chunks = new ArrayList<>();
    int position = 0;
    while (position < statuses.length) {
      TwccChunk chunk = chunkAt(statuses, position);
      chunks.add(chunk);
      position += Math.min(chunk.statusCount(), statuses.length - position);
    }
    return List.copyOf(chunks);
  }

  private static TwccChunk chunkAt(byte[] statuses, int position) {
    int run = runLength(statuses, position);
    int remaining = statuses.length - position;
    int oneBit = Math.min(TwccStatusVectorChunk.ONE_BIT_CAPACITY, remaining);
    boolean twoBits = hasLargeDelta(statuses, position, oneBit);
    int vector =
        twoBits ? Math.min(TwccStatusVectorChunk.TWO_BIT_CAPACITY, remaining) : oneBit;
    return run >= vector
        ? new TwccRunLengthChunk(TwccStatusSymbol.ofCode(statuses[position]), run)
        : TwccStatusVectorChunk.ofCodes(statuses, position, vector, twoBits);
  }

  private static int runLength(byte[] statuses, int start) {
    int end = start + 1;
    int limit = Math.min(statuses.length, start + TwccRunLengthChunk.MAX_RUN_LENGTH);
    while (end < limit && statuses[end] == statuses[start]) {
      end++;
    }
    return end - start;
  }

  private static boolean hasLargeDelta(byte[] statuses, int start, int length) {
    int large = TwccStatusSymbol.RECEIVED_LARGE_DELTA.code();
    for (int i = start; i < start + length; i++) {
      if (statuses[i] == large) {
        return true;
      }
    }
    return false;
  }
}
