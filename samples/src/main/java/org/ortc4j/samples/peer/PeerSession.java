package org.ortc4j.samples.peer;

import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ortc4j.api.DtlsTransport;
import org.ortc4j.api.IceGatherOptions;
import org.ortc4j.api.IceGatherer;
import org.ortc4j.api.IceTransport;
import org.ortc4j.api.OrtcApi;
import org.ortc4j.api.OrtcSettings;
import org.ortc4j.api.RtcException;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceServer;
import org.ortc4j.rtcp.PictureLossIndication;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.samples.signal.Signal;
import org.ortc4j.samples.signal.SignalFormatException;

/** One run of the peer CLI: gather, signal, connect, send and receive, report, stop. */
final class PeerSession implements AutoCloseable {
  static final int PAYLOAD_TYPE = 111;
  static final long PACKET_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  static final int TIMESTAMP_STEP = 960;
  /** How long a peer that is done waits for the remote's RTCP before it hangs up. */
  static final long RTCP_LINGER_MILLIS = 2000;

  private final PeerOptions options;
  private final PeerEvents events;
  private final PrintStream log;
  private final CompositeDisposable subscriptions = new CompositeDisposable();
  private final ReceiveCount received = new ReceiveCount();
  private final CompletableFuture<Void> remotePli = new CompletableFuture<>();
  private final CompletableFuture<Void> iceStatesDone = new CompletableFuture<>();
  private final CompletableFuture<Void> dtlsStatesDone = new CompletableFuture<>();
  private final AtomicLong rtcpReceived = new AtomicLong();
  private volatile String phase = "gathering";
  private IceTransport ice;
  private DtlsTransport dtls;

  PeerSession(PeerOptions options, PeerEvents events, PrintStream log) {
    this.options = options;
    this.events = events;
    this.log = log;
  }

  int run(CompletableFuture<String> stdinLine, PeerCli.Deadline deadline) {
    try {
      connect(stdinLine, deadline);
      sendMedia(deadline);
      phase = "receiving " + options.count() + " RTP packets";
      deadline.await(received.all);
      awaitQuietly(remotePli, Math.min(RTCP_LINGER_MILLIS, deadline.remainingMillis()));
      log.println("media counters: " + dtls.counters());
      hangUp();
      events.finish("done", PeerEvents.fields(
          "rtpReceived", received.count(), "rtcpReceived", rtcpReceived.get()));
      return PeerCli.EXIT_DONE;
    } catch (TimeoutException e) {
      String during = phase;
      log.println("timeout while " + during);
      hangUp();
      events.finish("timeout", PeerEvents.fields("phase", during, "rtpReceived", received.count()));
      return PeerCli.EXIT_TIMEOUT;
    } catch (ExecutionException | SignalFormatException | RtcException | IllegalStateException e) {
      return fail(message(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  private int fail(String message) {
    String during = phase;
    log.println("error while " + during + ": " + message);
    hangUp();
    events.finish("error", PeerEvents.fields("message", message, "phase", during));
    return PeerCli.EXIT_ERROR;
  }

  private void connect(CompletableFuture<String> stdinLine, PeerCli.Deadline deadline)
      throws ExecutionException, TimeoutException, InterruptedException, SignalFormatException {
    OrtcApi api = OrtcApi.create(settings());
    IceGatherer gatherer = api.newIceGatherer(options.stun() == null ? IceGatherOptions.hostOnly()
        : IceGatherOptions.withServers(List.of(IceServer.stun("stun:" + options.stun()))));
    ice = api.newIceTransport(gatherer);
    dtls = api.newDtlsTransport(ice);
    CompletableFuture<List<IceCandidate>> candidates =
        gatherer.candidates().toList().toCompletionStage().toCompletableFuture();
    gatherer.gather();
    List<IceCandidate> local = deadline.await(candidates);
    events.line(new Signal(gatherer.getLocalParameters(), local, dtls.getLocalParameters(),
        options.iceRole()).toJson());
    watchStates(); // after line 1: the states replay, so nothing is missed

    phase = "waiting for the remote signal on stdin";
    String line = deadline.await(stdinLine);
    if (line == null) {
      throw new IllegalStateException("stdin ended before the remote signal");
    }
    Signal remote = Signal.parse(line);
    long signalledAt = events.nowMs();
    watchMedia();
    remote.iceCandidates().forEach(ice::addRemoteCandidate);
    ice.endOfRemoteCandidates();
    phase = "connecting ICE and DTLS";
    ice.startAsync(remote.iceParameters(), options.iceRole());
    deadline.await(dtls.startAsync(remote.dtlsParameters()));
    events.emit("dtls-connected", connectedFields(events.nowMs() - signalledAt));
  }

  private OrtcSettings settings() {
    OrtcSettings.Builder b = OrtcSettings.builder()
        .gatherAddresses(options.addresses())
        .dtlsRole(options.dtlsRole())
        .iceConnectTimeout(options.timeout())
        .dtlsHandshakeTimeout(options.timeout());
    if (!options.srtpProfiles().isEmpty()) {
      b.srtpProfiles(options.srtpProfiles());
    }
    return b.build();
  }

  private void watchStates() {
    subscriptions.add(ice.states().subscribe(
        s -> events.emit("ice-state", PeerEvents.fields("state", lower(s))),
        e -> iceStatesDone.complete(null), () -> iceStatesDone.complete(null)));
    subscriptions.add(dtls.states().subscribe(
        s -> events.emit("dtls-state", PeerEvents.fields("state", lower(s))),
        e -> dtlsStatesDone.complete(null), () -> dtlsStatesDone.complete(null)));
  }

  private void watchMedia() {
    subscriptions.add(dtls.readRtp().subscribe(packet -> {
      long n = received.add(packet, options.count());
      events.emit("rtp", MediaEvents.rtp(packet, n));
    }));
    subscriptions.add(dtls.readRtcp().subscribe(packet -> {
      rtcpReceived.incrementAndGet();
      events.emit("rtcp", MediaEvents.rtcp(packet));
      if (packet instanceof PictureLossIndication) {
        remotePli.complete(null);
      }
    }));
  }

  private Map<String, Object> connectedFields(long msSinceRemoteSignal) {
    return PeerEvents.fields(
        "dtlsRole", dtls.role().map(PeerSession::lower).orElse(null),
        "iceRole", ice.role().map(Signal::roleName).orElse(null),
        "srtpProfile", dtls.srtpProfile().map(PeerOptions::profileName).orElse(null),
        "dtlsCipher", dtls.cipherSuite().orElse(null),
        "tlsVersion", dtls.handshakeResult().map(r -> r.protocolVersion()).orElse(null),
        "selected", ice.selectedPair().map(PeerSession::pairFields).orElse(null),
        "msSinceRemoteSignal", msSinceRemoteSignal);
  }

  /** {@code --count} packets, one per 20 ms, then one RR + PLI compound. */
  private void sendMedia(PeerCli.Deadline deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    phase = "sending RTP";
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int seq = random.nextInt(65536);
    long ts = random.nextLong(1L << 32);
    long next = System.nanoTime();
    for (int i = 0; i < options.count(); i++) {
      if (deadline.remainingMillis() == 0) {
        throw new TimeoutException();
      }
      byte[] payload = ("ping " + i).getBytes(StandardCharsets.US_ASCII);
      RtpHeader header = new RtpHeader(i == 0, PAYLOAD_TYPE, seq, ts, options.ssrc());
      dtls.writeRtp(header, payload);
      events.emit("rtp-sent", PeerEvents.fields("ssrc", options.ssrc(), "seq", seq, "ts", ts,
          "payload", "ping " + i));
      seq = (seq + 1) & 0xFFFF;
      ts = (ts + TIMESTAMP_STEP) & 0xFFFF_FFFFL;
      next += PACKET_INTERVAL_NANOS;
      LockSupport.parkNanos(next - System.nanoTime()); // pacing, not synchronisation
    }
    phase = "waiting for the first remote RTP packet";
    long remoteSsrc = deadline.await(received.firstSsrc);
    List<RtcpPacket> compound = List.of(
        new ReceiverReport(options.ssrc(), List.of(received.report(remoteSsrc))),
        new PictureLossIndication(options.ssrc(), remoteSsrc));
    dtls.writeRtcp(compound);
    events.emit("rtcp-sent", PeerEvents.fields(
        "names", List.of("RR", "PLI"), "mediaSsrc", remoteSsrc));
  }

  /** Stops DTLS (close_notify) and ICE, then waits briefly for their last state events. */
  private void hangUp() {
    phase = "stopping";
    close();
    awaitQuietly(CompletableFuture.allOf(iceStatesDone, dtlsStatesDone), 2000);
    subscriptions.dispose();
  }

  @Override
  public void close() {
    if (dtls != null) {
      dtls.stop();
    }
    if (ice != null) {
      ice.stop();
    }
  }

  private static void awaitQuietly(CompletableFuture<?> future, long millis) {
    try {
      future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // a bounded courtesy wait: going on is right either way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> pairFields(IceCandidatePair pair) {
    return PeerEvents.fields("local", candidateFields(pair.local()),
        "remote", candidateFields(pair.remote()));
  }

  private static Map<String, Object> candidateFields(IceCandidate c) {
    return PeerEvents.fields("address", c.address(), "port", c.port(),
        "protocol", c.protocol().wireName(), "type", c.type().wireName());
  }

  private static String message(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    String text = cause.getMessage();
    return text != null ? text : cause.getClass().getSimpleName();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** What arrived: the count, the first SSRC, and what an RR block needs about it. */
  static final class ReceiveCount {
    final CompletableFuture<Void> all = new CompletableFuture<>();
    final CompletableFuture<Long> firstSsrc = new CompletableFuture<>();
    private long count;
    private long ssrc = -1;
    private int baseSeq;
    private long highestExtended = -1;
    private long fromSsrc;

    synchronized long add(RtpPacket packet, int expected) {
      count++;
      RtpHeader h = packet.header();
      if (ssrc < 0) {
        ssrc = h.ssrc();
        baseSeq = h.sequenceNumber();
        highestExtended = baseSeq;
        firstSsrc.complete(ssrc);
      }
      if (h.ssrc() == ssrc) {
        fromSsrc++;
        highestExtended = Math.max(highestExtended, extend(h.sequenceNumber()));
      }
      if (count >= expected) {
        all.complete(null);
      }
      return count;
    }

    synchronized long count() {
      return count;
    }

    /** An RFC 3550 §6.4.1 report block on {@code reportedSsrc} (no SR seen: LSR/DLSR 0). */
    synchronized ReceptionReport report(long reportedSsrc) {
      long expected = highestExtended - baseSeq + 1;
      long lost = Math.max(0, expected - fromSsrc);
      int fraction = expected > 0 ? (int) Math.min(255, lost * 256 / expected) : 0;
      return new ReceptionReport(reportedSsrc, fraction,
          (int) Math.min(lost, ReceptionReport.MAX_CUMULATIVE_LOST),
          highestExtended & 0xFFFF_FFFFL, 0, 0, 0);
    }

    /** The sequence number extended past wraps, relative to the highest seen so far. */
    private long extend(int seq) {
      long cycles = highestExtended & ~0xFFFFL;
      long candidate = cycles | seq;
      if (candidate < highestExtended - 0x8000) {
        candidate += 0x10000;
      } else if (candidate > highestExtended + 0x8000 && candidate >= 0x10000) {
        candidate -= 0x10000;
      }
      return candidate;
    }
  }
}
