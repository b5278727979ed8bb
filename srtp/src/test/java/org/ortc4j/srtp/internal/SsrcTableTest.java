package org.ortc4j.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsrcTableTest {

  @Test
  void keepsEveryEntryAcrossGrowthAndReplacesOnPut() {
    SsrcTable<String> table = new SsrcTable<>();
    for (int i = 0; i < 5000; i++) {
      table.put(i * 0x10001, "s" + i);
    }
    table.put(0x10001 * 7, "seven");

    assertThat(table.size()).isEqualTo(5000);
    assertThat(table.get(0x10001 * 7)).isEqualTo("seven");
    for (int i = 0; i < 5000; i++) {
      if (i != 7) {
        assertThat(table.get(i * 0x10001)).isEqualTo("s" + i);
      }
    }
    assertThat(table.get(-1)).isNull();
  }
}
