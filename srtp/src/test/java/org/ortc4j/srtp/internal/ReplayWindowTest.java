package org.ortc4j.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.srtp.SrtpStatus;

class ReplayWindowTest {

  @ParameterizedTest(name = "window {0}: accepted {1}, then {2} -> {3}")
  @CsvSource({
      "64,   100,       100,  REPLAY_DUPLICATE",
      "64,   100,       101,  OK",
      "64,   100,       37,   OK",
      "64,   100,       36,   REPLAY_TOO_OLD",
      "64,   100 99,    99,   REPLAY_DUPLICATE",
      "64,   100 200,   150,  OK",
      "64,   100 200,   136,  REPLAY_TOO_OLD",
      "64,   100 1000,  100,  REPLAY_TOO_OLD",
      "1024, 100 1000,  100,  REPLAY_DUPLICATE",
      "1024, 100 1000,  101,  OK",
      "1024, 5 5000 5001, 4999, OK",
      "1024, 1 2 3 4000, 3,   REPLAY_TOO_OLD"
  })
  void checksAgainstTheHighestAndTheBitmap(int size, String accepted, long index,
      SrtpStatus expected) {
    ReplayWindow window = new ReplayWindow(size);
    for (String value : accepted.split(" ")) {
      window.accept(Long.parseLong(value));
    }

    assertThat(window.check(index)).isEqualTo(expected);
  }

  @Test
  void bitsOfIndicesThatSlideOutAreForgotten() {
    ReplayWindow window = new ReplayWindow(64);
    window.accept(10);
    window.accept(74); // 10's bit is reused by 74 after the slide

    assertThat(window.check(73)).isEqualTo(SrtpStatus.OK);
    assertThat(window.check(74)).isEqualTo(SrtpStatus.REPLAY_DUPLICATE);
    assertThat(window.check(10)).isEqualTo(SrtpStatus.REPLAY_TOO_OLD);
    assertThat(window.highest()).isEqualTo(74);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 96, 100})
  void sizesMustBePowersOfTwoOfAtLeast64(int size) {
    assertThatThrownBy(() -> new ReplayWindow(size)).isInstanceOf(IllegalArgumentException.class);
  }
}
