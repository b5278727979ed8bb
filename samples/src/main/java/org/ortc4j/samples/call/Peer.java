package org.ortc4j.samples.call;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsException;
import org.ortc4j.dtls.DtlsHandshakeResult;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;
import org.ortc4j.dtls.FingerprintAlgorithm;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceAgentListener;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpPacketView;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpStatus;

/**
 * One side of the loopback call, built from the lower modules alone: an {@link IceAgent}, a
 * {@link DtlsSession} over the ICE connection, and two {@link SrtpContext}s keyed by the
 * handshake. Datagrams from ICE are demultiplexed by their first byte (RFC 7983): 20..63 to
 * DTLS, 128..191 to SRTCP when the second byte is an RTCP packet type (192..223), else to SRTP.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7983#section-7">RFC 7983 §7</a>
 */
final class Peer implements AutoCloseable {
  static final int PAYLOAD_TYPE = 111;
  static final int CLOCK_RATE = 48_000;
  static final int SAMPLES_PER_PACKET = 960;
  static final int PAYLOAD_SIZE = 160;
  private static final byte[] PAYLOAD_PREFIX =
      "ortc4j ".getBytes(StandardCharsets.US_ASCII);

  private final String name;
  private final IceRole iceRole;
  private final long ssrc;
  private final Timeline timeline;
  private final DtlsCertificate certificate = DtlsCertificate.generate();
  private final IceAgent agent;
  private final IceDtlsTransport dtlsTransport;
  private final ReceiveStats receiveStats = new ReceiveStats(CLOCK_RATE);
  private final CompletableFuture<IceCandidatePair> iceConnected = new CompletableFuture<>();
  private final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();
  private final AtomicLong unprotectFailures = new AtomicLong();
  private final AtomicLong badPayloads = new AtomicLong();
  private final List<Long> roundTripMicros = new ArrayList<>();
  private final byte[] sendBuffer = new byte[1500];
  private final RtpPacketView view = new RtpPacketView(); // the ICE read loop's alone
  private volatile Consumer<IceCandidate> candidateSink = c -> { };
  private volatile Runnable endOfCandidatesSink = () -> { };
  private volatile SrtpContext inbound;
  private SrtpContext outbound;
  private DtlsSession dtls;
  private long packetsSent;
  private long octetsSent;
  private int sequence = 0xFFF0; // starts near the wrap, so the demo crosses 65535 -> 0

  Peer(String name, IceRole iceRole, long ssrc, Timeline timeline) throws Exception {
    this.name = name;
    this.iceRole = iceRole;
    this.ssrc = ssrc;
    this.timeline = timeline;
    IceAgentConfig config = IceAgentConfig.builder()
        .addresses(InetAddress.getByName("127.0.0.1"))
        .build();
    this.agent = IceAgent.create(config, new IceEvents());
    this.dtlsTransport = new IceDtlsTransport(agent.connection());
    agent.connection().setReceiver(this::demultiplex);
  }

  IceParameters iceParameters() {
    return agent.localParameters();
  }

  CertificateFingerprint fingerprint() {
    return certificate.fingerprint(FingerprintAlgorithm.SHA_256);
  }

  /** Where this peer's trickled candidates go: the other peer, standing in for signalling. */
  void signalTo(Peer remote) {
    candidateSink = remote.agent::addRemoteCandidate;
    endOfCandidatesSink = remote.agent::endOfRemoteCandidates;
  }

  void gather() {
    agent.gather();
  }

  CompletableFuture<IceCandidatePair> startIce(IceParameters remote) {
    agent.start(iceRole, remote);
    return iceConnected;
  }

  /** Starts DTLS with the role rule's default: ICE controlling is the DTLS server. */
  CompletableFuture<DtlsHandshakeResult> startDtls(CertificateFingerprint remoteFingerprint) {
    DtlsRole role = iceRole == IceRole.CONTROLLING ? DtlsRole.SERVER : DtlsRole.CLIENT;
    DtlsConfig config = DtlsConfig.builder()
        .certificate(certificate)
        .remoteFingerprint(remoteFingerprint)
        .build();
    dtls = DtlsSession.start(role, dtlsTransport, config, new DtlsEvents());
    return dtls.handshake().thenApply(this::keySrtp);
  }

  private DtlsHandshakeResult keySrtp(DtlsHandshakeResult result) {
    SrtpKeyingMaterial keys = result.srtp().orElseThrow();
    boolean client = result.role() == DtlsRole.CLIENT;
    outbound = SrtpContext.outbound(keys, client, SrtpOptions.defaults());
    inbound = SrtpContext.inbound(keys, client, SrtpOptions.defaults());
    return result;
  }

  /** Sends the i-th audio-like packet: PT 111, 20 ms of 48 kHz, the marker on the first. */
  void sendRtp(int i) {
    byte[] payload = new byte[PAYLOAD_SIZE];
    byte[] text = ("ortc4j " + i).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, payload, 0, text.length);
    RtpHeader header = new RtpHeader(i == 0, PAYLOAD_TYPE, sequence, rtpTimestamp(i), ssrc);
    int len = new RtpPacket(header, payload).serialize(sendBuffer, 0);
    sequence = (sequence + 1) & 0xFFFF;
    if (outbound.protectRtp(sendBuffer, 0, len) == SrtpStatus.OK) {
      agent.connection().send(sendBuffer, 0, len + outbound.rtpOverhead());
      packetsSent++;
      octetsSent += PAYLOAD_SIZE;
    }
  }

  private static long rtpTimestamp(int i) {
    return (1000L + (long) i * SAMPLES_PER_PACKET) & 0xFFFF_FFFFL;
  }

  /** Sends a Sender Report with a report block on the remote source, as one SRTCP packet. */
  void sendSenderReport() {
    long now = System.nanoTime();
    List<ReceptionReport> blocks = receiveStats.report(now).map(List::of).orElse(List.of());
    SenderReport sr = new SenderReport(ssrc, NtpTime.fromInstant(Instant.now()),
        rtpTimestamp((int) packetsSent), packetsSent, octetsSent, blocks);
    int len = RtcpCompound.serialize(List.of(sr), sendBuffer, 0);
    if (outbound.protectRtcp(sendBuffer, 0, len) == SrtpStatus.OK) {
      agent.connection().send(sendBuffer, 0, len + outbound.rtcpOverhead());
    }
  }

  private void demultiplex(byte[] buf, int off, int len) {
    int first = buf[off] & 0xFF;
    if (first >= 20 && first <= 63) {
      dtlsTransport.offer(buf, off, len);
    } else if (first >= 128 && first <= 191 && len >= 2 && inbound != null) {
      int type = buf[off + 1] & 0xFF;
      if (type >= 192 && type <= 223) {
        receiveRtcp(buf, off, len);
      } else {
        receiveRtp(buf, off, len);
      }
    }
  }

  private void receiveRtp(byte[] buf, int off, int len) {
    long arrival = System.nanoTime();
    if (inbound.unprotectRtp(buf, off, len) != SrtpStatus.OK) {
      unprotectFailures.incrementAndGet();
      return;
    }
    if (!view.wrap(buf, off, len - inbound.rtpOverhead()) || !expectedPayload(buf)) {
      badPayloads.incrementAndGet();
      return;
    }
    if (receiveStats.received() == 0) {
      timeline.log(name, "first RTP packet decrypted: ssrc 0x" + Long.toHexString(view.ssrc()) + ", seq "
          + view.sequenceNumber() + ", marker " + view.marker());
    }
    receiveStats.onRtp(view.ssrc(), view.sequenceNumber(), view.timestamp(), arrival);
  }

  /** The payload the other peer sends: {@value #PAYLOAD_SIZE} bytes starting "ortc4j ". */
  private boolean expectedPayload(byte[] buf) {
    if (view.payloadLength() != PAYLOAD_SIZE) {
      return false;
    }
    for (int i = 0; i < PAYLOAD_PREFIX.length; i++) {
      if (buf[view.payloadOffset() + i] != PAYLOAD_PREFIX[i]) {
        return false;
      }
    }
    return true;
  }

  private void receiveRtcp(byte[] buf, int off, int len) {
    long arrival = System.nanoTime();
    if (inbound.unprotectRtcp(buf, off, len) != SrtpStatus.OK) {
      unprotectFailures.incrementAndGet();
      return;
    }
    try {
      for (RtcpPacket packet : RtcpCompound.parse(buf, off, len - inbound.rtcpOverhead())) {
        if (packet instanceof SenderReport sr) {
          // the RTT first: a caller woken by onSenderReport expects to find it recorded
          sr.reports().stream().filter(b -> b.ssrc() == ssrc).forEach(this::measureRtt);
          receiveStats.onSenderReport(sr.ntpTimestamp(), arrival);
        }
      }
    } catch (RtcpParseException e) {
      badPayloads.incrementAndGet();
    }
  }

  private void measureRtt(ReceptionReport block) {
    NtpTime.roundTripTime(block, Instant.now()).ifPresent(rtt -> {
      synchronized (roundTripMicros) {
        roundTripMicros.add(rtt.toNanos() / 1000);
      }
    });
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

  long unprotectFailures() {
    return unprotectFailures.get() + badPayloads.get();
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

  /** Sends close_notify (through ICE, still up), then frees the agent's sockets and threads. */
  /** Idempotent. */
  @Override
  public void close() {
    if (dtls != null) {
      dtls.close();
    }
    dtlsTransport.close();
    agent.close();
  }

  private final class IceEvents implements IceAgentListener {
    @Override
    public void onCandidate(IceCandidate candidate) {
      timeline.log(name, "candidate " + candidate.type() + " " + candidate.address() + ":"
          + candidate.port());
      candidateSink.accept(candidate);
    }

    @Override
    public void onEndOfCandidates() {
      endOfCandidatesSink.run();
    }

    @Override
    public void onStateChange(IceConnectionState state) {
      timeline.log(name, "ICE " + state);
      if (state == IceConnectionState.FAILED || state == IceConnectionState.CLOSED) {
        iceConnected.completeExceptionally(new IllegalStateException("ICE " + state));
      }
    }

    @Override
    public void onSelectedPairChange(IceCandidatePair pair) {
      timeline.log(name, "selected pair " + pair.local().address() + ":" + pair.local().port()
          + " -> " + pair.remote().address() + ":" + pair.remote().port());
      iceConnected.complete(pair);
    }
  }

  private final class DtlsEvents implements DtlsSessionListener {
    @Override
    public void onConnected(DtlsHandshakeResult result) {
      timeline.log(name, "DTLS connected as " + result.role() + ", "
          + result.srtpProfile().map(Enum::name).orElse("no SRTP") + ", " + result.cipherSuite());
    }

    @Override
    public void onFailed(DtlsException failure) {
      timeline.log(name, "DTLS failed: " + failure.getMessage());
    }

    @Override
    public void onClosedByPeer() {
      timeline.log(name, "DTLS closed by peer (close_notify)");
      closedByPeer.complete(null);
    }
  }
}
