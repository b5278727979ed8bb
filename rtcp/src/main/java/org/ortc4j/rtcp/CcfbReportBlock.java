package org.ortc4j.rtcp;

import java.util.List;
import java.util.Objects;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * The report on one RTP stream in a {@link CongestionControlFeedback}: a metric block for each of
 * {@code num_reports} consecutive sequence numbers from {@code begin_seq}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   SSRC of nth RTP Stream                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          begin_seq            |          num_reports          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|ECN|  Arrival time offset    | ...                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>An odd number of metric blocks is followed by 16 zero bits, so the next block starts on a word
 * boundary.
 *
 * @param ssrc the RTP stream reported on
 * @param beginSequence begin_seq: the sequence number of the first metric block
 * @param metrics the metric blocks, at most {@value #MAX_METRICS} (RFC 8888 forbids reporting on
 *     more than a quarter of the sequence space at once); may be empty
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8888#section-3.1">RFC 8888 §3.1</a>
 */
public record CcfbReportBlock(long ssrc, int beginSequence, List<CcfbMetric> metrics) {
  /** The most metric blocks one report block may hold. */
  public static final int MAX_METRICS = 16384;

  public CcfbReportBlock {
    FieldChecks.u32(ssrc, "ssrc");
    FieldChecks.u16(beginSequence, "beginSequence");
    metrics = FieldChecks.list(metrics, MAX_METRICS, "metrics");
  }

  /** The RTP sequence number {@code metrics().get(index)} reports on (with wrap). */
  public int sequenceNumber(int index) {
    Objects.checkIndex(index, metrics.size());
    return (beginSequence + index) & 0xffff;
  }

  /** Bytes on the wire: header, metric blocks, and the zero half-word after an odd count. */
  int length() {
    return 8 + (metrics.size() + 1) / 2 * 4;
  }
}
