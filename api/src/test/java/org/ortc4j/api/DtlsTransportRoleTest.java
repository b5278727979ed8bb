package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.dtls.DtlsRole;

/** The signal form of the DTLS role, both ways, and its concrete role. */
class DtlsTransportRoleTest {
  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"AUTO, auto", "CLIENT, client", "SERVER, server"})
  void signalNamesRoundTrip(DtlsTransportRole role, String name) {
    assertThat(role.signalName()).isEqualTo(name);
    assertThat(DtlsTransportRole.fromSignalName(name)).isEqualTo(role);
    assertThat(DtlsTransportRole.fromSignalName(name.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(role);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "actpass", "active", "passive", " client"})
  void otherNamesAreRefused(String name) {
    assertThatThrownBy(() -> DtlsTransportRole.fromSignalName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, client or server");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CLIENT, CLIENT", "SERVER, SERVER"})
  void fixedRolesMapToTheDtlsRole(DtlsTransportRole role, DtlsRole expected) {
    assertThat(role.toDtlsRole()).isEqualTo(expected);
  }
}
