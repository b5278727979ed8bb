package org.ortc4j.ice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The settings every test uses: loopback only and short timers. ice4j's consent interval is
 * per JVM, so every test class must build from {@link #base} (surefire sets the same value).
 */
final class TestConfigs {
  static final Duration CONSENT_INTERVAL = Duration.ofMillis(1000);
  static final Duration DISCONNECTED = Duration.ofMillis(2500);
  static final Duration CONSENT_TIMEOUT = Duration.ofMillis(5000);
  static final Duration WAIT = Duration.ofSeconds(10);

  private TestConfigs() {}

  static IceAgentConfig.Builder base(String address) {
    return IceAgentConfig.builder()
        .addresses(literal(address))
        .consentInterval(CONSENT_INTERVAL)
        .disconnectedTimeout(DISCONNECTED)
        .consentTimeout(CONSENT_TIMEOUT)
        .connectTimeout(Duration.ofSeconds(8))
        .serverTimeout(Duration.ofSeconds(2));
  }

  static IceAgentConfig v4() {
    return base("127.0.0.1").build();
  }

  static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
