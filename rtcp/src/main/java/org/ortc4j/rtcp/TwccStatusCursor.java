package org.ortc4j.rtcp;

import java.util.List;

/**
 * Walks the first {@code count} packet statuses a list of chunks describes, one by one, without
 * expanding them (a few chunks can describe 65535 statuses). The chunks must describe at least
 * {@code count} statuses; those beyond are never visited.
 */
final class TwccStatusCursor {
  private final List<TwccChunk> chunks;
  private final int count;
  private int index;
  private int chunkIndex;
  private int inChunk;

  TwccStatusCursor(List<TwccChunk> chunks, int count) {
    this.chunks = chunks;
    this.count = count;
  }

  boolean hasNext() {
    return index < count;
  }

  /** The index (0 for the base sequence number) of the status {@link #next()} returns. */
  int index() {
    return index;
  }

  TwccStatusSymbol next() {
    TwccChunk chunk = chunks.get(chunkIndex);
    while (inChunk >= chunk.statusCount()) {
      chunk = chunks.get(++chunkIndex);
      inChunk = 0;
    }
    index++;
    return chunk.symbol(inChunk++);
  }
}
