package org.ortc4j.samples.call;

import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.ortc4j.api.DtlsParameters;
import org.ortc4j.api.DtlsTransport;
import org.ortc4j.api.DtlsTransportState;
import org.ortc4j.api.IceGatherOptions;
import org.ortc4j.api.IceGatherer;
import org.ortc4j.api.IceTransport;
import org.ortc4j.api.MediaCounters;
import org.ortc4j.api.OrtcApi;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;

/**
 * One side of the loopback call, on the ORTC objects of the api module: an {@link IceGatherer},
 * an {@link IceTransport} over it and a {@link DtlsTransport} over that, which keys SRTP and
 * carries the media. Every state change of the three objects goes to the timeline.
 */
final class Peer implements AutoCloseable {
  static final int PAYLOAD_TYPE = 111;
  static final int CLOCK_RATE = 48_000;
  static final int SAMPLES_PER_PACKET = 960;
  static final int PAYLOAD_SIZE = 160;
  private static final String PAYLOAD_PREFIX = "ortc4j ";

  private final String name;
  private final IceRole iceRole;
  private final long ssrc;
  private final Timeline timeline;
  private final IceGatherer gatherer;
  private final IceTransport ice;
  private final DtlsTransport dtls;
  private final CompositeDisposable subscriptions = new CompositeDisposable();
  private final ReceiveStats receiveStats = new ReceiveStats(CLOCK_RATE);
  private final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();
  private final AtomicLong badPayloads = new AtomicLong();
  private final List<Long> roundTripMicros = new ArrayList<>();
  private volatile boolean stopping;
  private long packetsSent;
  private long octetsSent;
  private int sequence = 0xFFF0; // starts near the wrap, so the demo crosses 65535 -> 0

  Peer(OrtcApi api, String name, IceRole iceRole, long ssrc, Timeline timeline) {
    this.name = name;
    this.iceRole = iceRole;
    this.ssrc = ssrc;
    this.timeline = timeline;
    this.gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
    this.ice = api.newIceTransport(gatherer);
    this.dtls = api.newDtlsTransport(ice);
    watchStates();
  }

  private void watchStates() {
    subscriptions.add(gatherer.states().subscribe(s -> log("gathering " + s)));
    subscriptions.add(ice.states().subscribe(s -> log("ICE " + s)));
    subscriptions.add(ice.selectedPairs().subscribe(this::logPair));
    subscriptions.add(dtls.states().subscribe(this::onDtlsState));
  }

  IceParameters iceParameters() {
    return gatherer.getLocalParameters();
  }

  DtlsParameters dtlsParameters() {
    return dtls.getLocalParameters();
  }

  /** Trickles this peer's candidates to the other peer, standing in for signalling. */
  void signalTo(Peer remote) {
    subscriptions.add(gatherer.candidates().subscribe(
        candidate -> {
          logCandidate(candidate);
          remote.ice.addRemoteCandidate(candidate);
        },
        error -> log("gathering failed: " + error),
        remote.ice::endOfRemoteCandidates));
  }

  /** Reads the other peer's media and reports from now on. */
  void receiveFrom(long remoteSsrc) {
    subscriptions.add(dtls.readRtp(remoteSsrc).subscribe(this::onRtp));
    subscriptions.add(dtls.readRtcp().subscribe(this::onRtcp));
  }

  void gather() {
    gatherer.gather();
  }

  CompletableFuture<IceCandidatePair> startIce(IceParameters remote) {
    return ice.startAsync(remote, iceRole);
  }

  /** Starts DTLS with role auto: the role rule makes ICE controlling the DTLS server. */
  CompletableFuture<Void> startDtls(DtlsParameters remote) {
    return dtls.startAsync(remote);
  }

  /** Sends the i-th audio-like packet: PT 111, 20 ms of 48 kHz, the marker on the first. */
  void sendRtp(int i) {
    byte[] payload = new byte[PAYLOAD_SIZE];
    byte[] text = (PAYLOAD_PREFIX + i).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, payload, 0, text.length);
    RtpHeader header = new RtpHeader(i == 0, PAYLOAD_TYPE, sequence, rtpTimestamp(i), ssrc);
    sequence = (sequence + 1) & 0xFFFF;
    dtls.writeRtp(header, payload);
    packetsSent++;
    octetsSent += PAYLOAD_SIZE;
  }

  private static long rtpTimestamp(int i) {
    return (1000L + (long) i * SAMPLES_PER_PACKET) & 0xFFFF_FFFFL;
  }

  /** Sends a Sender Report with a report block on the remote source (one SRTCP packet). */
  void sendSenderReport() {
    long now = System.nanoTime();
    List<ReceptionReport> blocks = receiveStats.report(now).map(List::of).orElse(List.of());
    dtls.writeRtcp(List.of(new SenderReport(ssrc, NtpTime.fromInstant(Instant.now()),
        rtpTimestamp((int) packetsSent), packetsSent, octetsSent, blocks)));
  }

  private void onRtp(RtpPacket packet) {
    long arrival = System.nanoTime();
    if (!expectedPayload(packet.payload())) {
      badPayloads.incrementAndGet();
      return;
    }
    RtpHeader h = packet.header();
    if (receiveStats.received() == 0) {
      log("first RTP packet decrypted: ssrc 0x" + Long.toHexString(h.ssrc()) + ", seq "
          + h.sequenceNumber() + ", marker " + h.marker());
    }
    receiveStats.onRtp(h.ssrc(), h.sequenceNumber(), h.timestamp(), arrival);
  }

  /** The payload the other peer sends: {@value #PAYLOAD_SIZE} bytes starting "ortc4j ". */
  private static boolean expectedPayload(byte[] payload) {
    return payload.length == PAYLOAD_SIZE
        && new String(payload, 0, PAYLOAD_PREFIX.length(), StandardCharsets.US_ASCII)
            .equals(PAYLOAD_PREFIX);
  }

  private void onRtcp(RtcpPacket packet) {
    long arrival = System.nanoTime();
    if (packet instanceof SenderReport sr) {
      // the RTT first: a caller woken by onSenderReport expects to find it recorded
      sr.reports().stream().filter(b -> b.ssrc() == ssrc).forEach(this::measureRtt);
      receiveStats.onSenderReport(sr.ntpTimestamp(), arrival);
    }
  }

  private void measureRtt(ReceptionReport block) {
    NtpTime.roundTripTime(block, Instant.now()).ifPresent(rtt -> {
      synchronized (roundTripMicros) {
        roundTripMicros.add(rtt.toNanos() / 1000);
      }
    });
  }

  private void onDtlsState(DtlsTransportState state) {
    switch (state) {
      case CONNECTED -> log("DTLS connected as " + dtls.role().orElseThrow() + " (ICE "
          + ice.role().orElseThrow() + "), " + dtls.srtpProfile().orElseThrow() + ", "
          + dtls.cipherSuite().orElseThrow());
      case FAILED -> log("DTLS FAILED: " + dtls.failureCause().map(Throwable::getMessage).orElse("?"));
      case CLOSED -> {
        if (!stopping) {
          log("DTLS closed by peer (close_notify)");
          closedByPeer.complete(null);
        } else {
          log("DTLS CLOSED");
        }
      }
      default -> log("DTLS " + state);
    }
  }

  private void logCandidate(IceCandidate c) {
    log("candidate " + c.type().wireName() + " " + c.address() + ":" + c.port());
  }

  private void logPair(IceCandidatePair pair) {
    log("selected pair " + pair.local().address() + ":" + pair.local().port() + " -> "
        + pair.remote().address() + ":" + pair.remote().port());
  }

  private void log(String event) {
    timeline.log(name, event);
  }

  long packetsSent() {
    return packetsSent;
  }

  long packetsReceived() {
    return receiveStats.received();
  }

  boolean awaitReceived(long count, long deadlineNanos) throws InterruptedException {
    return receiveStats.awaitReceived(count, deadlineNanos);
  }

  long senderReportsReceived() {
    return receiveStats.senderReports();
  }

  boolean awaitSenderReports(long count, long deadlineNanos) throws InterruptedException {
    return receiveStats.awaitSenderReports(count, deadlineNanos);
  }

  long packetsLost() {
    return receiveStats.lost();
  }

  /** Packets that failed SRTP/SRTCP checks or did not carry the expected payload. */
  long unprotectFailures() {
    MediaCounters c = dtls.counters();
    return c.authFailures() + c.replayed() + c.otherSrtpDrops() + c.malformed()
        + badPayloads.get();
  }

  List<Long> roundTripMicros() {
    synchronized (roundTripMicros) {
      return List.copyOf(roundTripMicros);
    }
  }

  /** Completes when the peer's close_notify arrives. */
  CompletableFuture<Void> closedByPeer() {
    return closedByPeer;
  }

  /** Sends close_notify (through ICE, still up), then frees the sockets and threads. Idempotent. */
  @Override
  public void close() {
    stopping = !closedByPeer.isDone();
    dtls.stop();
    ice.stop();
    subscriptions.dispose();
  }
}
