package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ortc4j.rtcp.TwccStatusSymbol.NOT_RECEIVED;
import static org.ortc4j.rtcp.TwccStatusSymbol.RECEIVED_LARGE_DELTA;
import static org.ortc4j.rtcp.TwccStatusSymbol.RECEIVED_SMALL_DELTA;
import static org.ortc4j.rtcp.TwccStatusSymbol.RESERVED;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TwccChunkTest {
  private static final TwccStatusSymbol N = NOT_RECEIVED;
  private static final TwccStatusSymbol S = RECEIVED_SMALL_DELTA;
  private static final TwccStatusSymbol L = RECEIVED_LARGE_DELTA;
  private static final TwccStatusSymbol R = RESERVED;

  static Stream<Arguments> chunks() {
    // the first four from pion/rtcp transport_layer_cc_test.go, chunk (un)marshal examples
    return Stream.of(
        Arguments.of(0x00dd, new TwccRunLengthChunk(N, 221)),
        Arguments.of(0x6018, new TwccRunLengthChunk(R, 24)),
        Arguments.of(
            0x9f1c, new TwccStatusVectorChunk(List.of(N, S, S, S, S, S, N, N, N, S, S, S, N, N))),
        Arguments.of(0xcd50, new TwccStatusVectorChunk(List.of(N, R, S, S, S, N, N))),
        Arguments.of(0x5fff, new TwccRunLengthChunk(L, 8191)),
        Arguments.of(0x8000, TwccStatusVectorChunk.oneBit(List.of())),
        Arguments.of(0xe400, TwccStatusVectorChunk.twoBit(List.of(L, S))));
  }

  @ParameterizedTest
  @MethodSource("chunks")
  void decodesAndEncodesChunks(int value, TwccChunk chunk) {
    assertThat(TwccChunk.decode(value)).isEqualTo(chunk);
    assertThat(chunk.encode()).isEqualTo(value);
  }

  @Test
  void describesStatuses() {
    TwccChunk run = new TwccRunLengthChunk(L, 3);
    assertThat(run.statusCount()).isEqualTo(3);
    assertThat(run.symbol(2)).isEqualTo(L);
    assertThatThrownBy(() -> run.symbol(3)).isInstanceOf(IndexOutOfBoundsException.class);
    TwccStatusVectorChunk oneBit = TwccStatusVectorChunk.oneBit(List.of(S, N, S));
    assertThat(oneBit.statusCount()).isEqualTo(14);
    assertThat(oneBit.twoBitSymbols()).isFalse();
    assertThat(oneBit.symbol(2)).isEqualTo(S);
    assertThat(oneBit.symbol(13)).isEqualTo(N);
    TwccStatusVectorChunk twoBit = TwccStatusVectorChunk.twoBit(List.of(L));
    assertThat(twoBit.statusCount()).isEqualTo(7);
    assertThat(twoBit.twoBitSymbols()).isTrue();
    assertThatThrownBy(() -> twoBit.symbol(7)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void symbolsKnowTheirCodesAndDeltaSizes() {
    assertThat(TwccStatusSymbol.ofCode(2)).isEqualTo(L);
    assertThat(List.of(N, S, L, R)).extracting(TwccStatusSymbol::code).containsExactly(0, 1, 2, 3);
    assertThat(List.of(N, S, L, R))
        .extracting(TwccStatusSymbol::deltaSize)
        .containsExactly(0, 1, 2, 0);
    assertThat(List.of(N, S, L, R))
        .extracting(TwccStatusSymbol::received)
        .containsExactly(false, true, true, false);
    assertThatThrownBy(() -> TwccStatusSymbol.ofCode(4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TwccStatusSymbol.ofCode(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsChunksThatCannotBeEncoded() {
    assertInvalid(() -> new TwccRunLengthChunk(S, 8192), "runLength");
    assertInvalid(() -> new TwccRunLengthChunk(S, -1), "runLength");
    assertInvalid(() -> new TwccStatusVectorChunk(Collections.nCopies(14, L)), "one-bit symbols");
    assertInvalid(() -> new TwccStatusVectorChunk(Collections.nCopies(8, S)), "14 or 7");
    assertInvalid(() -> TwccStatusVectorChunk.oneBit(Collections.nCopies(15, S)), "at most 14");
    assertInvalid(() -> TwccStatusVectorChunk.twoBit(Collections.nCopies(8, S)), "at most 7");
    assertInvalid(() -> TwccChunk.decode(0x10000), "16-bit");
    assertInvalid(() -> TwccChunk.decode(-1), "16-bit");
    assertThatThrownBy(() -> new TwccRunLengthChunk(null, 1))
        .isInstanceOf(NullPointerException.class);
  }

  private static void assertInvalid(Runnable constructor, String message) {
    assertThatThrownBy(constructor::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
