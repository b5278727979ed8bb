package org.ortc4j.samples;

/** Counts what {@link RtcpDump} saw. */
final class DumpSummary {
  private int rtpPackets;
  private int rtcpDatagrams;
  private int rtcpPackets;
  private int malformed;

  void countRtp() {
    rtpPackets++;
  }

  void countRtcp(int packets) {
    rtcpDatagrams++;
    rtcpPackets += packets;
  }

  void countMalformed() {
    malformed++;
  }

  int rtpPackets() {
    return rtpPackets;
  }

  int rtcpDatagrams() {
    return rtcpDatagrams;
  }

  int rtcpPackets() {
    return rtcpPackets;
  }

  int malformed() {
    return malformed;
  }

  @Override
  public String toString() {
    return String.format(
        "%d RTP packets, %d RTCP packets in %d datagrams, %d malformed datagrams",
        rtpPackets, rtcpPackets, rtcpDatagrams, malformed);
  }
}
