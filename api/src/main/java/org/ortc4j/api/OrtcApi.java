package org.ortc4j.api;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.ortc4j.ice.IceAgent;

/**
 * The entry point: holds the {@link OrtcSettings} and creates every ORTC object with them, as
 * Pion's {@code API} does ({@code webrtc.NewAPI(webrtc.WithSettingEngine(s))}). One instance
 * can serve any number of connections; it holds no resources of its own.
 *
 * <pre>{@code
 * OrtcApi api = OrtcApi.create(OrtcSettings.builder().loopbackOnly().build());
 * IceGatherer gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
 * IceTransport ice = api.newIceTransport(gatherer);
 * DtlsTransport dtls = api.newDtlsTransport(ice);
 * gatherer.candidates().subscribe(signal::sendCandidate);
 * gatherer.gather();
 * // signal gatherer.getLocalParameters(), dtls.getLocalParameters(); receive the peer's
 * ice.start(remoteIce, IceRole.CONTROLLING, Duration.ofSeconds(30));
 * dtls.start(remoteDtls, Duration.ofSeconds(30));
 * dtls.writeRtp(packet);
 * dtls.readRtp(remoteSsrc).subscribe(p -> ...);
 * dtls.stop();
 * ice.stop();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class OrtcApi {
  private final OrtcSettings settings;

  private OrtcApi(OrtcSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** An API with the default settings. */
  public static OrtcApi create() {
    return new OrtcApi(OrtcSettings.defaults());
  }

  /** An API with {@code settings}. */
  public static OrtcApi create(OrtcSettings settings) {
    return new OrtcApi(settings);
  }

  /** The settings every object created here uses. */
  public OrtcSettings settings() {
    return settings;
  }

  /**
   * Loads ice4j's classes and configuration once per JVM in the background (about 1-2 s the
   * first time), so that the first connection is not the slow one. Optional.
   */
  public CompletableFuture<Void> prewarm() {
    return IceAgent.prewarm(settings.iceConfig());
  }

  /** A certificate of the settings' key type and validity. */
  public RtcCertificate generateCertificate() {
    return RtcCertificate.generate(settings.certificateKeyType(), settings.certificateValidity());
  }

  /** A gatherer with {@code options} (servers, policy); no socket is bound until gather(). */
  public IceGatherer newIceGatherer(IceGatherOptions options) {
    return new IceGatherer(settings, Objects.requireNonNull(options, "options"));
  }

  /**
   * The ICE transport over {@code gatherer}'s agent (one transport per gatherer).
   *
   * @throws InvalidAccessException if the gatherer already serves a transport
   */
  public IceTransport newIceTransport(IceGatherer gatherer) {
    return new IceTransport(settings, gatherer);
  }

  /** A DTLS transport over {@code ice} with a newly generated certificate. */
  public DtlsTransport newDtlsTransport(IceTransport ice) {
    return newDtlsTransport(ice, List.of(generateCertificate()));
  }

  /**
   * A DTLS transport over {@code ice} with these certificates (the first is presented; all are
   * signalled). An empty list generates one.
   *
   * @throws InvalidStateException if {@code ice} already carries a DTLS transport
   */
  public DtlsTransport newDtlsTransport(IceTransport ice, List<RtcCertificate> certificates) {
    List<RtcCertificate> chosen = certificates.isEmpty()
        ? List.of(generateCertificate()) : certificates;
    return new DtlsTransport(settings, ice, chosen);
  }
}
