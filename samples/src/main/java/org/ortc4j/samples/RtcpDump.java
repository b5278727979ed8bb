package org.ortc4j.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.ortc4j.rtcp.RtcpCompound;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.rtp.RtpParseException;

/**
 * Decodes the RTP and RTCP datagrams of a pcap capture with ortc4j's codecs and prints one line
 * per datagram, then a summary.
 *
 * <pre>
 * java -cp rtcp/target/classes:samples/target/classes org.ortc4j.samples.RtcpDump \
 *     samples/captures/gstreamer-vp8-nack-pli.pcap
 * </pre>
 *
 * <p>RTP and RTCP are told apart as RFC 5761 §4 says: a second byte of 192..223 is RTCP. Exits 0
 * when every datagram decoded, 1 when some did not, 2 on a usage or I/O error.
 */
public final class RtcpDump {
  private final PrintStream out;
  private final DumpSummary summary = new DumpSummary();

  RtcpDump(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: RtcpDump <capture.pcap>");
      System.exit(2);
    }
    try {
      DumpSummary summary = new RtcpDump(System.out).dump(Path.of(args[0]));
      System.exit(summary.malformed() == 0 ? 0 : 1);
    } catch (IOException e) {
      System.err.println("cannot read " + args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  /** Prints every datagram of {@code capture} and returns the counts. */
  DumpSummary dump(Path capture) throws IOException {
    List<UdpDatagram> datagrams = PcapReader.read(capture);
    long start = datagrams.isEmpty() ? 0 : datagrams.get(0).timeMicros();
    for (UdpDatagram datagram : datagrams) {
      out.printf(
          "%8.3f s  %5d -> %-5d %s%n",
          (datagram.timeMicros() - start) / 1e6,
          datagram.sourcePort(),
          datagram.destinationPort(),
          describe(datagram.payload()));
    }
    out.println(summary);
    return summary;
  }

  private String describe(byte[] payload) {
    if (isRtcp(payload)) {
      return describeRtcp(payload);
    }
    try {
      RtpPacket packet = RtpPacket.parse(payload, 0, payload.length);
      summary.countRtp();
      return PacketText.of(packet);
    } catch (RtpParseException e) {
      summary.countMalformed();
      return "malformed RTP: " + e.getMessage();
    }
  }

  private String describeRtcp(byte[] payload) {
    try {
      List<RtcpPacket> packets = RtcpCompound.parse(payload);
      summary.countRtcp(packets.size());
      StringBuilder text = new StringBuilder("RTCP");
      for (RtcpPacket packet : packets) {
        text.append("\n").append(" ".repeat(27)).append(PacketText.of(packet));
      }
      return text.toString();
    } catch (RtcpParseException e) {
      summary.countMalformed();
      return "malformed RTCP: " + e.getMessage();
    }
  }

  /** RFC 5761 §4: RTCP packet types 192..223 cannot be mistaken for RTP payload types. */
  static boolean isRtcp(byte[] payload) {
    return payload.length >= 2 && (payload[1] & 0xff) >= 192 && (payload[1] & 0xff) <= 223;
  }
}
