package org.ortc4j.rtcp;

import java.util.Objects;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A run length chunk: {@code runLength} consecutive packets share one status.
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |T| S |       Run Length        |   T = 0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param symbol the status every packet of the run has
 * @param runLength how many packets, 0 to 8191
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1.3">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3</a>
 */
public record TwccRunLengthChunk(TwccStatusSymbol symbol, int runLength) implements TwccChunk {
  /** The longest run one chunk holds (13 bits). */
  public static final int MAX_RUN_LENGTH = 0x1fff;

  public TwccRunLengthChunk {
    Objects.requireNonNull(symbol, "symbol");
    FieldChecks.range(runLength, 0, MAX_RUN_LENGTH, "runLength");
  }

  static TwccRunLengthChunk decodeRun(int value) {
    return new TwccRunLengthChunk(
        TwccStatusSymbol.ofCode((value >>> 13) & 3), value & MAX_RUN_LENGTH);
  }

  @Override
  public int statusCount() {
    return runLength;
  }

  @Override
  public TwccStatusSymbol symbol(int index) {
    Objects.checkIndex(index, runLength);
    return symbol;
  }

  @Override
  public int encode() {
    return symbol.code() << 13 | runLength;
  }
}
