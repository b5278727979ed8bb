package org.ortc4j.ice.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.ortc4j.ice.IceAgentConfig;

/**
 * The JVM-wide side of ice4j: its configuration (read once, at the first use of its classes),
 * the pre-warm, and our one shared timer thread.
 *
 * <p>ice4j's first {@code Agent} probes the cloud-metadata address 169.254.169.254 unless told
 * not to, and takes ~2 s to load its configuration and Kotlin. The probe switches are set
 * before any ice4j class initialises; the pre-warm pays the load off the caller's thread.
 */
public final class IceRuntime {
  /** The system property that lets a user opt in to the probe before any agent exists. */
  public static final String PROBE_PROPERTY = "ortc4j.ice.cloudMetadataProbe";

  private static final String AWS_ENABLED = "ice4j.harvest.mapping.aws.enabled";
  private static final String LEGACY_AWS_DISABLED = "org.ice4j.ice.harvest.DISABLE_AWS_HARVESTER";
  /**
   * ice4j answers a Binding request that carries no MESSAGE-INTEGRITY as if it were
   * authenticated (and learns a peer-reflexive candidate from it, nominates it on USE-CANDIDATE,
   * obeys its ICE-CONTROLLING) unless this is true; it reads it on every request.
   */
  private static final String REQUIRE_MESSAGE_INTEGRITY = "org.ice4j.REQUIRE_MESSAGE_INTEGRITY";
  // "org.ice4j.MAX_RETRANSMISSIONS" in this ice4j, whatever the constant's name says
  private static final String CHECK_RETRANSMISSIONS =
      org.ice4j.StackProperties.MAX_CTRAN_RETRANSMISSIONS;
  /** ice4j's default is 6; see {@link #applySafeDefaults}. */
  static final int CHECK_RETRANSMISSIONS_DEFAULT = 12;
  private static final String CONSENT_INTERVAL = "ice4j.consent-freshness.interval";
  private static final String CONSENT_WAIT = "ice4j.consent-freshness.original-wait-interval";
  private static final String CONSENT_MAX_WAIT = "ice4j.consent-freshness.max-wait-interval";
  private static final String CONSENT_RETRANSMISSIONS =
      "ice4j.consent-freshness.max-retransmissions";
  private static final long CONSENT_WAIT_MILLIS = 500;
  private static final long MAX_CONSENT_WAIT_MILLIS = 5_000;

  private static final ScheduledExecutorService TIMER = newTimer();
  private static boolean configured;
  private static CompletableFuture<Void> warm;

  private IceRuntime() {}

  /**
   * Turns the probe off unless the user opted in by system property, and makes ice4j refuse
   * connectivity checks without MESSAGE-INTEGRITY (RFC 8445 §7.3: a check must be
   * authenticated with our password; without this, anyone who learns the ufrags can steer ICE
   * from any address); call first of all.
   *
   * <p>Also lets a STUN transaction (a connectivity check, the nomination among them) be resent
   * {@value #CHECK_RETRANSMISSIONS_DEFAULT} times instead of ice4j's 6 unless the user set
   * {@code org.ice4j.MAX_RETRANSMISSIONS}: ice4j fails a pair, and with the last pair
   * the whole agent, when one check runs out of resends, and with 40 % loss both ways 7 sends
   * all fail 4.4 % of the time (3 of 50 calls failed ICE that way in ImpairedLossStatisticsTest);
   * 13 sends over about 16 s fail 0.3 % of the time. A check answered early ends early; only an
   * unreachable pair takes longer to be declared failed, within the connect timeout.
   */
  public static synchronized void applySafeDefaults() {
    System.setProperty(REQUIRE_MESSAGE_INTEGRITY, "true");
    if (configured) {
      return;
    }
    System.getProperties().putIfAbsent(CHECK_RETRANSMISSIONS,
        Integer.toString(CHECK_RETRANSMISSIONS_DEFAULT));
    boolean probe = Boolean.getBoolean(PROBE_PROPERTY);
    System.getProperties().putIfAbsent(AWS_ENABLED, Boolean.toString(probe));
    System.getProperties().putIfAbsent(LEGACY_AWS_DISABLED, Boolean.toString(!probe));
  }

  /**
   * Applies the per-JVM settings of the first agent's configuration; later calls do nothing.
   * Values a user set as system properties win.
   */
  public static synchronized void configure(IceAgentConfig config) {
    if (configured) {
      return;
    }
    configured = true;
    if (config.cloudMetadataProbe()) {
      System.setProperty(AWS_ENABLED, "true");
      System.setProperty(LEGACY_AWS_DISABLED, "false");
    }
    long interval = config.consentInterval().toMillis();
    long maxWait = Math.max(CONSENT_WAIT_MILLIS, Math.min(interval, MAX_CONSENT_WAIT_MILLIS));
    long retransmissions = retransmissionsToCover(config.consentTimeout().toMillis(), maxWait);
    System.getProperties().putIfAbsent(CONSENT_INTERVAL, interval + "ms");
    System.getProperties().putIfAbsent(CONSENT_WAIT, CONSENT_WAIT_MILLIS + "ms");
    System.getProperties().putIfAbsent(CONSENT_MAX_WAIT, maxWait + "ms");
    System.getProperties().putIfAbsent(CONSENT_RETRANSMISSIONS, Long.toString(retransmissions));
  }

  /**
   * How many retransmissions (waits doubling from 500 ms up to {@code maxWait}) keep one consent
   * check alive for the whole consent timeout. ice4j fails the selected pair, and stops its
   * consent checks for good, when one check runs out of retransmissions; a check that lives as
   * long as consent itself lets the pair come back from a shorter outage (DISCONNECTED then
   * CONNECTED), as RFC 7675 intends.
   */
  static long retransmissionsToCover(long consentTimeoutMillis, long maxWait) {
    long wait = CONSENT_WAIT_MILLIS;
    long total = wait;
    long count = 0;
    while (total < consentTimeoutMillis) {
      wait = Math.min(wait * 2, maxWait);
      total += wait;
      count++;
    }
    return Math.max(1, count);
  }

  /**
   * Loads ice4j's configuration and classes once per JVM on a daemon thread.
   *
   * @return completes when ice4j is warm (at once after the first call finished)
   */
  public static synchronized CompletableFuture<Void> prewarm(IceAgentConfig config) {
    configure(config);
    if (warm == null) {
      warm = new CompletableFuture<>();
      Thread t = new Thread(IceRuntime::warmUp, "ortc4j-ice-prewarm");
      t.setDaemon(true);
      t.start();
    }
    return warm;
  }

  private static void warmUp() {
    try {
      new org.ice4j.ice.Agent().free();
      warm.complete(null);
    } catch (RuntimeException | Error e) {
      warm.completeExceptionally(e);
    }
  }

  /** The shared timer (one daemon thread) for timeouts and consent supervision. */
  public static ScheduledExecutorService timer() {
    return TIMER;
  }

  private static ScheduledExecutorService newTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "ortc4j-ice-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
