package org.ortc4j.samples.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the signal reader, which reads what another process
 * wrote: any text gives a {@link Signal} or a {@link SignalFormatException}, nothing else, and
 * a signal that parses prints back to one that parses equal.
 */
class SignalFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Signal signal;
    try {
      signal = Signal.parse(text);
    } catch (SignalFormatException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
      return;
    }
    try {
      assertThat(Signal.parse(signal.toJson())).isEqualTo(signal);
    } catch (SignalFormatException e) {
      throw new AssertionError("our own output does not parse: " + signal.toJson(), e);
    }
  }
}
