package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * bits each. The chunk keeps its 16 wire bits, so reading a symbol is a shift: feedback for
 * hundreds of packets is walked on every parse and serialize.
 *
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1.4">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.4</a>
 */
public final class TwccStatusVectorChunk implements TwccChunk {
  /** Symbols in a vector of one-bit symbols. */
  public static final int ONE_BIT_CAPACITY = 14;

  /** Symbols in a vector of two-bit symbols. */
  public static final int TWO_BIT_CAPACITY = 7;

  private static final int VECTOR = 0x8000;
  private static final int TWO_BITS = 0x4000;

  /** The chunk as sent: T=1, S, then the symbol list. */
  private final int word;

  /**
   * @param symbols exactly 14 symbols, each {@link TwccStatusSymbol#NOT_RECEIVED} or {@link
   *     TwccStatusSymbol#RECEIVED_SMALL_DELTA}; or exactly 7 symbols of any kind
   * @throws IllegalArgumentException for another number of symbols, or a one-bit vector symbol
   *     that one bit cannot say
   */
  public TwccStatusVectorChunk(List<TwccStatusSymbol> symbols) {
    this(encode(List.copyOf(symbols)));
  }

  private TwccStatusVectorChunk(int word) {
    this.word = word;
  }

  private static int encode(List<TwccStatusSymbol> symbols) {
    boolean twoBits = symbols.size() == TWO_BIT_CAPACITY;
    if (!twoBits && symbols.size() != ONE_BIT_CAPACITY) {
      throw new IllegalArgumentException(
          "a status vector holds 14 or 7 symbols, was " + symbols.size());
    }
    int width = twoBits ? 2 : 1;
    int word = twoBits ? VECTOR | TWO_BITS : VECTOR;
    for (int i = 0; i < symbols.size(); i++) {
      int code = symbols.get(i).code();
      if (code >>> width != 0) {
        throw new IllegalArgumentException("one-bit symbols cannot say " + symbols.get(i));
      }
      word |= code << (symbols.size() - 1 - i) * width;
    }
    return word;
  }

  /** A one-bit vector starting with {@code leading}, the rest {@code NOT_RECEIVED}. */
  public static TwccStatusVectorChunk oneBit(List<TwccStatusSymbol> leading) {
    return new TwccStatusVectorChunk(fill(leading, ONE_BIT_CAPACITY));
  }

  /** A two-bit vector starting with {@code leading}, the rest {@code NOT_RECEIVED}. */
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

  /**
   * A vector of the {@code length} codes from {@code codes[from]}, the rest not received; the
   * caller passes codes that fit the symbol size.
   */
  static TwccStatusVectorChunk ofCodes(byte[] codes, int from, int length, boolean twoBits) {
    int capacity = twoBits ? TWO_BIT_CAPACITY : ONE_BIT_CAPACITY;
    int width = twoBits ? 2 : 1;
    int word = twoBits ? VECTOR | TWO_BITS : VECTOR;
    for (int i = 0; i < length; i++) {
      word |= codes[from + i] << (capacity - 1 - i) * width;
    }
    return new TwccStatusVectorChunk(word);
  }

  /** The chunk whose 16 bits are {@code value} (T=1). */
  static TwccStatusVectorChunk decodeVector(int value) {
    return new TwccStatusVectorChunk(value & 0xffff | VECTOR);
  }

  /** Whether the symbols take two bits each (7 of them) rather than one (14). */
  public boolean twoBitSymbols() {
    return (word & TWO_BITS) != 0;
  }

  /** The 14 or 7 symbols, in order. */
  public List<TwccStatusSymbol> symbols() {
    List<TwccStatusSymbol> symbols = new ArrayList<>(statusCount());
    for (int i = 0; i < statusCount(); i++) {
      symbols.add(symbol(i));
    }
    return List.copyOf(symbols);
  }

  @Override
  public int statusCount() {
    return twoBitSymbols() ? TWO_BIT_CAPACITY : ONE_BIT_CAPACITY;
  }

  @Override
  public TwccStatusSymbol symbol(int index) {
    return TwccStatusSymbol.ofCode(code(Objects.checkIndex(index, statusCount())));
  }

  /** The code of symbol {@code index}, which the caller keeps below {@link #statusCount()}. */
  int code(int index) {
    return twoBitSymbols()
        ? word >>> (TWO_BIT_CAPACITY - 1 - index) * 2 & 3
        : word >>> (ONE_BIT_CAPACITY - 1 - index) & 1;
  }

  @Override
  public int encode() {
    return word;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TwccStatusVectorChunk that && word == that.word;
  }

  @Override
  public int hashCode() {
    return word;
  }

  @Override
  public String toString() {
    return "TwccStatusVectorChunk[symbols=" + symbols() + "]";
  }
}
