package org.ortc4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DTLS benchmark scenarios do what their names say: every handshake really completes with
 * the expected suite, group and SRTP profile, and both ends export the same keys; the OpenSSL
 * harness builds and reports the same; every scenario runs in a forked JVM as {@link DtlsBench}
 * runs it. Times nothing.
 */
class DtlsBenchScenariosTest {
  private static final Path BENCH = Path.of("").toAbsolutePath();
  private static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

  @Test
  void ortc4jHandshakesExportEqualKeys() throws Exception {
    try (Ortc4jHandshake handshake = new Ortc4jHandshake()) {
      for (int i = 0; i < 3; i++) {
        assertNegotiated(handshake.run(), "x25519");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"BC, -1, x25519", "BC, 23, secp256r1", "JCA, -1, x25519", "JCA, 23, secp256r1"})
  void rawBctlsHandshakesExportEqualKeys(
      RawBctlsHandshake.Crypto crypto, int group, String expectedGroup) throws Exception {
    try (RawBctlsHandshake handshake = new RawBctlsHandshake(crypto, group)) {
      for (int i = 0; i < 3; i++) {
        assertNegotiated(handshake.run(), expectedGroup);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"X25519:P-256, X25519", "P-256, prime256v1"})
  void openSslHarnessBuildsAndReportsEqualKeys(String groups, String expectedGroup)
      throws Exception {
    OpenSslDtlsHarness harness =
        OpenSslDtlsHarness.build(BENCH, BENCH.resolve("target/dtls-test"));

    HandshakeReport report = harness.run(3, 1, groups);

    assertThat(report.values())
        .containsEntry("keys_equal", "1")
        .containsEntry("ems", "1")
        .containsEntry("cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")
        .containsEntry("group", expectedGroup)
        .containsEntry("srtp_profile", "SRTP_AEAD_AES_128_GCM");
    assertThat(report.values().get("library")).startsWith("OpenSSL 3.");
    assertThat(report.handshakes()).hasSize(3).allMatch(HandshakeOutcome::keysEqual);
    assertThat(report.handshakes()).allMatch(h -> h.wallNanos() > 0 && h.cpuNanos() > 0);
  }

  static List<String> scenarios() {
    return DtlsHandshakeRun.SCENARIOS;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyScenarioRunsInAForkedJvm(String scenario) throws Exception {
    HandshakeReport report = DtlsHandshakeRun.fork(scenario, 2, 1);

    assertThat(report.values())
        .containsEntry("scenario", scenario)
        .containsEntry("keys_equal", "1")
        .containsEntry("cipher", SUITE)
        .containsKeys("setup_ns", "main_entry_ms", "process_cpu_ns");
    assertThat(report.handshakes()).hasSize(2).allMatch(HandshakeOutcome::keysEqual);
  }

  private static void assertNegotiated(HandshakeOutcome outcome, String group) {
    assertThat(outcome.keysEqual()).isTrue();
    assertThat(outcome.srtpProfile()).isEqualTo("AEAD_AES_128_GCM");
    assertThat(outcome.cipherSuite()).isEqualTo(SUITE);
    assertThat(outcome.group()).isEqualTo(group);
    assertThat(outcome.cpuNanos()).isPositive();
    assertThat(outcome.wallNanos()).isPositive();
  }
}
