package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrtpOptionsTest {

  @Test
  void defaultsAreWindowsOf64And1024Streams() {
    SrtpOptions defaults = SrtpOptions.defaults();

    assertThat(defaults.rtpReplayWindow()).isEqualTo(64);
    assertThat(defaults.rtcpReplayWindow()).isEqualTo(64);
    assertThat(defaults.maxStreams()).isEqualTo(1024);
    assertThat(SrtpOptions.builder().build()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
  }

  @Test
  void newBuilderKeepsEveryOtherValue() {
    SrtpOptions options = SrtpOptions.builder().rtpReplayWindow(1024).rtcpReplayWindow(128)
        .maxStreams(8).build();

    SrtpOptions changed = options.newBuilder().maxStreams(9).build();

    assertThat(changed.rtpReplayWindow()).isEqualTo(1024);
    assertThat(changed.rtcpReplayWindow()).isEqualTo(128);
    assertThat(changed.maxStreams()).isEqualTo(9);
    assertThat(changed).isNotEqualTo(options);
    assertThat(changed.toString()).contains("rtpReplayWindow=1024", "maxStreams=9");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 63, 100, 65536, -64})
  void windowsMustBePowersOfTwoFrom64To32768(int size) {
    assertThatThrownBy(() -> SrtpOptions.builder().rtpReplayWindow(size).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtpReplayWindow");
    assertThatThrownBy(() -> SrtpOptions.builder().rtcpReplayWindow(size).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtcpReplayWindow");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65537})
  void maxStreamsMustBeBetween1And65536(int streams) {
    assertThatThrownBy(() -> SrtpOptions.builder().maxStreams(streams).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStreams");
  }
}
