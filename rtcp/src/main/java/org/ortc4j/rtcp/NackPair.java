package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One Generic NACK entry of a {@link TransportLayerNack}: a lost packet (PID) and a bitmask of lost
 * packets among the sixteen that follow it (BLP).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Bit {@code i} of BLP (least significant bit first) reports packet {@code PID + i + 1}, modulo
 * 2^16, as lost.
 *
 * @param packetId PID, the RTP sequence number of a lost packet
 * @param lostPackets BLP, the bitmask of following lost packets
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.2.1">RFC 4585 §6.2.1</a>
 */
public record NackPair(int packetId, int lostPackets) {
  /** Packets one pair covers: PID and the sixteen that BLP describes. */
  public static final int SPAN = 17;

  private static final int SEQUENCE_SPACE = 1 << 16;

  public NackPair {
    FieldChecks.u16(packetId, "packetId");
    FieldChecks.u16(lostPackets, "lostPackets");
  }

  /** The sequence numbers this pair reports lost: PID first, then BLP's, ascending (with wrap). */
  public List<Integer> lostSequenceNumbers() {
    List<Integer> lost = new ArrayList<>(1 + Integer.bitCount(lostPackets));
    lost.add(packetId);
    for (int bit = 0; bit < 16; bit++) {
      if ((lostPackets & (1 << bit)) != 0) {
        lost.add((packetId + bit + 1) & 0xffff);
      }
    }
    return List.copyOf(lost);
  }

  /**
   * The fewest pairs that report exactly {@code sequenceNumbers} lost.
   *
   * <p>The numbers may come in any order, repeat, and straddle the wrap from 65535 to 0. Pairs come
   * in sequence order, starting after the widest gap between the numbers (so a list that wraps
   * starts at its oldest number). Greedy covering from there is optimal whenever some gap is at
   * least a pair's span (no pair could bridge it), which holds for any list of fewer than 4096
   * distinct numbers.
   *
   * @return the pairs; empty when {@code sequenceNumbers} is empty
   * @throws IllegalArgumentException if a number is not an unsigned 16-bit value
   */
  public static List<NackPair> covering(Collection<Integer> sequenceNumbers) {
    int[] sorted = distinctSorted(sequenceNumbers);
    if (sorted.length == 0) {
      return List.of();
    }
    int start = indexAfterWidestGap(sorted);
    List<NackPair> pairs = new ArrayList<>();
    int pid = sorted[start];
    int mask = 0;
    for (int i = 1; i < sorted.length; i++) {
      int number = sorted[(start + i) % sorted.length];
      int distance = (number - pid) & 0xffff;
      if (distance < SPAN) {
        mask |= 1 << (distance - 1);
      } else {
        pairs.add(new NackPair(pid, mask));
        pid = number;
        mask = 0;
      }
    }
    pairs.add(new NackPair(pid, mask));
    return List.copyOf(pairs);
  }

  private static int[] distinctSorted(Collection<Integer> sequenceNumbers) {
    int[] values = new int[sequenceNumbers.size()];
    int i = 0;
    for (Integer number : sequenceNumbers) {
      values[i++] = FieldChecks.u16(number, "sequence number");
    }
    return Arrays.stream(values).sorted().distinct().toArray();
  }

  /** Where the circular sequence starts: just after the widest step between neighbours. */
  private static int indexAfterWidestGap(int[] sorted) {
    int start = 0;
    int widest = sorted[0] + SEQUENCE_SPACE - sorted[sorted.length - 1];
    for (int i = 1; i < sorted.length; i++) {
      int gap = sorted[i] - sorted[i - 1];
      if (gap > widest) {
        widest = gap;
        start = i;
      }
    }
    return start;
  }
}
