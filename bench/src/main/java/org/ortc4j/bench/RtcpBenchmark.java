package org.ortc4j.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.fmj.media.rtp.RTCPCompoundPacket;
import net.sf.fmj.media.rtp.RTCPPacket;
import net.sf.fmj.media.rtp.util.BadFormatException;
import org.jitsi.impl.neomedia.rtcp.RTCPTCCPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtcp.TwccArrival;
import org.ortc4j.rtcp.TwccPacketResult;

/**
 * RTCP parse and serialize, ortc4j side by side with libjitsi (FMJ underneath), on three datagrams
 * a WebRTC endpoint handles all the time:
 *
 * <ul>
 *   <li><b>srSdes</b>: Sender Report with one report block + SDES with a CNAME (80 bytes);
 *   <li><b>rrRemb</b>: Receiver Report with one report block + REMB for two SSRCs (60 bytes);
 *   <li><b>twcc</b>: transport-wide CC feedback on 100 packets, some lost, one large delta,
 *       reduced-size RTCP (see {@link RtcpScenarios#twccArrivals()}).
 * </ul>
 *
 * <p>Each input is built once from ortc4j records and serialized; both libraries parse those very
 * bytes. The setup fails loudly unless libjitsi reads them field for field as ortc4j does and
 * writes them back identically, so that both sides of a pair do the same work. Operations:
 *
 * <ul>
 *   <li><b>Parse</b>: the whole datagram to packet objects ({@link RtcpCompound#parse(byte[])};
 *       {@code RTCPPacketParserEx.parse}). For TWCC, ortc4j decodes chunks and deltas while
 *       libjitsi only copies the FCI, so <b>twccParseResults</b> is the like-for-like pair: parse
 *       and get every packet's status and arrival time ({@code packetResults()}; {@code
 *       getPackets()}, which returns received packets only).
 *   <li><b>SerializeInto</b>: write the packets into a preallocated array ({@link
 *       RtcpCompound#serialize(List, byte[], int)}; each FMJ packet's {@code assemble} on a {@code
 *       DataOutputStream} over the array).
 *   <li><b>Serialize</b>: the same into a new array ({@link RtcpCompound#serialize(List)}; {@code
 *       RTCPCompoundPacket.assemble(length, false)}, as FMJ's transmitter does). For TWCC this is
 *       not the same work: libjitsi writes back the FCI bytes it keeps, ortc4j encodes its record.
 *   <li><b>twccBuildSerialize</b>: a receiver's job, from its arrival records to bytes ({@link
 *       TransportWideCcFeedback#fromArrivals}; the {@code RTCPTCCPacket} constructor from its map
 *       of arrival times). The encoders differ: libjitsi always uses two-bit vectors and
 *       millisecond deltas, ortc4j picks the densest chunks and 250 µs deltas.
 * </ul>
 *
 * <p>Three forks, because libjitsi's parse time differs from one JVM to the next (see {@code
 * bench/README.md}). Run: {@code java -jar bench/target/benchmarks.jar RtcpBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class RtcpBenchmark {

  /** A compound datagram in both libraries' forms, and an array to serialize into. */
  abstract static class CompoundInput {
    final JitsiPeer jitsi = new JitsiPeer();
    List<RtcpPacket> packets;
    byte[] bytes;
    byte[] destination;
    RTCPPacket[] jitsiPackets;

    /** Serializes {@code packets} and checks libjitsi writes those same bytes. */
    void prepare(List<RtcpPacket> packets, RTCPPacket[] jitsiPackets, String name)
        throws IOException {
      this.packets = packets;
      this.bytes = RtcpCompound.serialize(packets);
      this.destination = new byte[bytes.length];
      this.jitsiPackets = jitsiPackets;
      JitsiPeer.checkBytes(JitsiPeer.assemble(jitsiPackets), bytes, name);
      byte[] written = new byte[bytes.length];
      JitsiPeer.assembleInto(jitsiPackets, written);
      JitsiPeer.checkBytes(written, bytes, name + " (into an array)");
    }
  }

  /** Sender Report with one report block, then SDES CNAME. */
  @State(Scope.Thread)
  public static class SrSdes extends CompoundInput {
    @Setup
    public void setUp() throws IOException, BadFormatException {
      List<RtcpPacket> input = RtcpScenarios.senderReportAndSdes();
      prepare(input, JitsiPeer.senderReportAndSdes(input), "SR+SDES");
      JitsiPeer.checkSenderReportAndSdes(jitsi.parse(bytes), input);
    }
  }

  /** Receiver Report with one report block, then REMB for two SSRCs. */
  @State(Scope.Thread)
  public static class RrRemb extends CompoundInput {
    @Setup
    public void setUp() throws IOException, BadFormatException {
      List<RtcpPacket> input = RtcpScenarios.receiverReportAndRemb();
      prepare(input, JitsiPeer.receiverReportAndRemb(input), "RR+REMB");
      JitsiPeer.checkReceiverReportAndRemb(jitsi.parse(bytes), input);
    }
  }

  /** Transport-wide CC feedback for 100 packets, and the arrivals it was built from. */
  @State(Scope.Thread)
  public static class Twcc extends CompoundInput {
    List<TwccArrival> arrivals;
    int referenceTime;
    RTCPTCCPacket.PacketMap jitsiArrivals;

    @Setup
    public void setUp() throws IOException, BadFormatException, RtcpParseException {
      arrivals = RtcpScenarios.twccArrivals();
      referenceTime = RtcpScenarios.twccReferenceTime(arrivals);
      jitsiArrivals = JitsiPeer.twccPacketMap(arrivals);
      TransportWideCcFeedback feedback = RtcpScenarios.twcc(arrivals);
      byte[] wire = RtcpCompound.serialize(List.of(feedback));
      RTCPCompoundPacket parsed = jitsi.parse(wire);
      JitsiPeer.checkTwcc(parsed, feedback);
      // libjitsi has no TWCC model to build from: it serializes the packet it parsed.
      prepare(List.of(feedback), parsed.packets, "TWCC");
      checkJitsiEncoder();
    }

    /** libjitsi's own encoding of the arrivals decodes, by ortc4j, to the same packets. */
    private void checkJitsiEncoder() throws RtcpParseException {
      TransportWideCcFeedback jitsiBuilt =
          (TransportWideCcFeedback)
              RtcpPacket.parse(JitsiPeer.assemble(new RTCPPacket[] {buildJitsi()}));
      List<TwccArrival> expected =
          arrivals.stream()
              .map(
                  arrival ->
                      arrival.received()
                          ? TwccArrival.received(
                              arrival.sequenceNumber(), arrival.arrivalTimeMicros() / 1000 * 1000)
                          : arrival)
              .toList();
      List<TwccArrival> decoded =
          jitsiBuilt.packetResults().stream()
              .map(
                  result ->
                      result.received()
                          ? TwccArrival.received(
                              result.sequenceNumber(), result.arrivalTimeMicros())
                          : TwccArrival.lost(result.sequenceNumber()))
              .toList();
      if (!decoded.equals(expected)) {
        throw new IllegalStateException(
            "libjitsi's TWCC encoder disagrees: " + decoded + " vs " + expected);
      }
    }

    TransportWideCcFeedback buildOrtc4j() {
      return TransportWideCcFeedback.fromArrivals(
          RtcpScenarios.RECEIVER_SSRC,
          RtcpScenarios.SENDER_SSRC,
          RtcpScenarios.TWCC_BASE_SEQUENCE,
          referenceTime,
          RtcpScenarios.TWCC_FEEDBACK_COUNT,
          arrivals);
    }

    RTCPTCCPacket buildJitsi() {
      return JitsiPeer.buildTwcc(
          jitsiArrivals,
          RtcpScenarios.RECEIVER_SSRC,
          RtcpScenarios.SENDER_SSRC,
          RtcpScenarios.TWCC_FEEDBACK_COUNT);
    }
  }

  // SR + SDES

  @Benchmark
  public List<RtcpPacket> srSdesParseOrtc4j(SrSdes in) throws RtcpParseException {
    return RtcpCompound.parse(in.bytes);
  }

  @Benchmark
  public RTCPCompoundPacket srSdesParseJitsi(SrSdes in) throws BadFormatException {
    return in.jitsi.parse(in.bytes);
  }

  @Benchmark
  public int srSdesSerializeIntoOrtc4j(SrSdes in) {
    return RtcpCompound.serialize(in.packets, in.destination, 0);
  }

  @Benchmark
  public int srSdesSerializeIntoJitsi(SrSdes in) throws IOException {
    return JitsiPeer.assembleInto(in.jitsiPackets, in.destination);
  }

  @Benchmark
  public byte[] srSdesSerializeOrtc4j(SrSdes in) {
    return RtcpCompound.serialize(in.packets);
  }

  @Benchmark
  public byte[] srSdesSerializeJitsi(SrSdes in) {
    return JitsiPeer.assemble(in.jitsiPackets);
  }

  // RR + REMB

  @Benchmark
  public List<RtcpPacket> rrRembParseOrtc4j(RrRemb in) throws RtcpParseException {
    return RtcpCompound.parse(in.bytes);
  }

  @Benchmark
  public RTCPCompoundPacket rrRembParseJitsi(RrRemb in) throws BadFormatException {
    return in.jitsi.parse(in.bytes);
  }

  @Benchmark
  public int rrRembSerializeIntoOrtc4j(RrRemb in) {
    return RtcpCompound.serialize(in.packets, in.destination, 0);
  }

  @Benchmark
  public int rrRembSerializeIntoJitsi(RrRemb in) throws IOException {
    return JitsiPeer.assembleInto(in.jitsiPackets, in.destination);
  }

  @Benchmark
  public byte[] rrRembSerializeOrtc4j(RrRemb in) {
    return RtcpCompound.serialize(in.packets);
  }

  @Benchmark
  public byte[] rrRembSerializeJitsi(RrRemb in) {
    return JitsiPeer.assemble(in.jitsiPackets);
  }

  // Transport-wide CC feedback, 100 packets

  @Benchmark
  public List<RtcpPacket> twccParseOrtc4j(Twcc in) throws RtcpParseException {
    return RtcpCompound.parse(in.bytes);
  }

  @Benchmark
  public RTCPCompoundPacket twccParseJitsi(Twcc in) throws BadFormatException {
    return in.jitsi.parse(in.bytes);
  }

  @Benchmark
  public List<TwccPacketResult> twccParseResultsOrtc4j(Twcc in) throws RtcpParseException {
    return ((TransportWideCcFeedback) RtcpCompound.parse(in.bytes).get(0)).packetResults();
  }

  @Benchmark
  public RTCPTCCPacket.PacketMap twccParseResultsJitsi(Twcc in) throws BadFormatException {
    return ((RTCPTCCPacket) in.jitsi.parse(in.bytes).packets[0]).getPackets();
  }

  @Benchmark
  public int twccSerializeIntoOrtc4j(Twcc in) {
    return RtcpCompound.serialize(in.packets, in.destination, 0);
  }

  @Benchmark
  public int twccSerializeIntoJitsi(Twcc in) throws IOException {
    return JitsiPeer.assembleInto(in.jitsiPackets, in.destination);
  }

  @Benchmark
  public byte[] twccSerializeOrtc4j(Twcc in) {
    return RtcpCompound.serialize(in.packets);
  }

  @Benchmark
  public byte[] twccSerializeJitsi(Twcc in) {
    return JitsiPeer.assemble(in.jitsiPackets);
  }

  @Benchmark
  public byte[] twccBuildSerializeOrtc4j(Twcc in) {
    return RtcpCompound.serialize(List.of(in.buildOrtc4j()));
  }

  @Benchmark
  public byte[] twccBuildSerializeJitsi(Twcc in) {
    return JitsiPeer.assemble(new RTCPPacket[] {in.buildJitsi()});
  }
}
