package org.ortc4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The DTLS benchmark scenarios do what their names say: every handshake really completes, with
 * the expected suite, group and SRTP profile, and both ends export the same keys. Times nothing.
 */
class DtlsBenchScenariosTest {
  private static final Path BENCH = Path.of("").toAbsolutePath();

  @ParameterizedTest
  @CsvSource({
    "BC, -1, x25519",
    "BC, 23, secp256r1",
    "JCA, -1, x25519",
    "JCA, 23, secp256r1"
  })
  void rawBctlsHandshakesExportEqualKeys(
      RawBctlsHandshake.Crypto crypto, int group, String expectedGroup) throws Exception {
    try (RawBctlsHandshake handshake = new RawBctlsHandshake(crypto, group)) {
      for (int i = 0; i < 3; i++) {
        HandshakeOutcome outcome = handshake.run();

        assertThat(outcome.keysEqual()).isTrue();
        assertThat(outcome.srtpProfile()).isEqualTo("AEAD_AES_128_GCM");
        assertThat(outcome.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        assertThat(outcome.group()).isEqualTo(expectedGroup);
        assertThat(outcome.cpuNanos()).isPositive();
        assertThat(outcome.wallNanos()).isPositive();
      }
    }
  }

  @Test
  void openSslHarnessBuildsAndReportsEqualKeys() throws Exception {
    OpenSslDtlsHarness harness =
        OpenSslDtlsHarness.build(BENCH, BENCH.resolve("target/dtls-test"));

    HandshakeReport report = harness.run(3, 1, "P-256");

    assertThat(report.values())
        .containsEntry("keys_equal", "1")
        .containsEntry("ems", "1")
        .containsEntry("cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")
        .containsEntry("group", "prime256v1")
        .containsEntry("srtp_profile", "SRTP_AEAD_AES_128_GCM");
    assertThat(report.values().get("library")).startsWith("OpenSSL 3.");
    assertThat(report.handshakes()).hasSize(3).allMatch(HandshakeOutcome::keysEqual);
    assertThat(report.handshakes()).allMatch(h -> h.wallNanos() > 0 && h.cpuNanos() > 0);
  }
}
