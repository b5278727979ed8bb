package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A status vector chunk: the statuses of the next 14 packets in one bit each (S=0: not received, or
 * received with a small delta), or of the next 7 packets in two bits each (S=1).
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |T|S|       symbol list         |   T = 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The number of symbols decides the symbol size: 14 symbols are sent one bit each, 7 symbols two
 * bits each.
 *
 * @param symbols exactly 14 symbols, each {@link TwccStatusSymbol#NOT_RECEIVED} or {@link
 *     TwccStatusSymbol#RECEIVED_SMALL_DELTA}; or exactly 7 symbols of any kind
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1.4">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.4</a>
 */
public record TwccStatusVectorChunk(List<TwccStatusSymbol> symbols) implements TwccChunk {
  /** Symbols in a vector of one-bit symbols. */
  public static final int ONE_BIT_CAPACITY = 14;

  /** Symbols in a vector of two-bit symbols. */
  public static final int TWO_BIT_CAPACITY = 7;

  public TwccStatusVectorChunk {
    symbols = List.copyOf(symbols);
    if (symbols.size() == ONE_BIT_CAPACITY) {
      for (TwccStatusSymbol symbol : symbols) {
        if (symbol.code() > 1) {
          throw new IllegalArgumentException("one-bit symbols cannot say " + symbol);
        }
      }
    } else if (symbols.size() != TWO_BIT_CAPACITY) {
      throw new IllegalArgumentException(
          "a status vector holds 14 or 7 symbols, was " + symbols.size());
    }
  }

  /**
   * A one-bit vector starting with {@code leading} (up to 14 symbols), the rest not received.
   *
   * @throws IllegalArgumentException if there are more than 14 or one needs two bits
   */
  public static TwccStatusVectorChunk oneBit(List<TwccStatusSymbol> leading) {
    return new TwccStatusVectorChunk(fill(leading, ONE_BIT_CAPACITY));
  }

  /**
   * A two-bit vector starting with {@code leading} (up to 7 symbols), the rest not received.
   *
   * @throws IllegalArgumentException if there are more than 7
   */
  public static TwccStatusVectorChunk twoBit(List<TwccStatusSymbol> leading) {
    return new TwccStatusVectorChunk(fill(leading, TWO_BIT_CAPACITY));
  }

  private static List<TwccStatusSymbol> fill(List<TwccStatusSymbol> leading, int capacity) {
    List<TwccStatusSymbol> filled = new ArrayList<>(FieldChecks.list(leading, capacity, "symbols"));
    while (filled.size() < capacity) {
      filled.add(TwccStatusSymbol.NOT_RECEIVED);
    }
    return filled;
  }

  static TwccStatusVectorChunk decodeVector(int value) {
    boolean twoBits = (value & 0x4000) != 0;
    int capacity = twoBits ? TWO_BIT_CAPACITY : ONE_BIT_CAPACITY;
    int width = twoBits ? 2 : 1;
    List<TwccStatusSymbol> symbols = new ArrayList<>(capacity);
    for (int i = 0; i < capacity; i++) {
      int shift = (capacity - 1 - i) * width;
      symbols.add(TwccStatusSymbol.ofCode((value >>> shift) & (twoBits ? 3 : 1)));
    }
    return new TwccStatusVectorChunk(symbols);
  }

  /** Whether the symbols take two bits each (S=1). */
  public boolean twoBitSymbols() {
    return symbols.size() == TWO_BIT_CAPACITY;
  }

  @Override
  public int statusCount() {
    return symbols.size();
  }

  @Override
  public TwccStatusSymbol symbol(int index) {
    return symbols.get(index);
  }

  @Override
  public int encode() {
    int width = twoBitSymbols() ? 2 : 1;
    int value = twoBitSymbols() ? 0xc000 : 0x8000;
    for (int i = 0; i < symbols.size(); i++) {
      value |= symbols.get(i).code() << (symbols.size() - 1 - i) * width;
    }
    return value;
  }
}
