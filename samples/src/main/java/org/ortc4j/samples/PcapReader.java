package org.ortc4j.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP datagrams out of a classic libpcap capture (as written by {@code tshark -F pcap}
 * or {@code tcpdump -w}): Ethernet, Linux cooked (SLL and SLL2), raw IP and BSD loopback link
 * types, IPv4 and IPv6. Anything else in the capture is skipped.
 */
public final class PcapReader {
  private static final int LINKTYPE_NULL = 0;
  private static final int LINKTYPE_ETHERNET = 1;
  private static final int LINKTYPE_RAW = 101;
  private static final int LINKTYPE_LINUX_SLL = 113;
  private static final int LINKTYPE_IPV4 = 228;
  private static final int LINKTYPE_IPV6 = 229;
  private static final int LINKTYPE_LINUX_SLL2 = 276;

  private PcapReader() {}

  /** Every UDP datagram in the capture, in capture order. */
  public static List<UdpDatagram> read(Path capture) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(capture));
    int linkType = readGlobalHeader(file);
    List<UdpDatagram> datagrams = new ArrayList<>();
    while (file.remaining() >= 16) {
      long seconds = Integer.toUnsignedLong(file.getInt());
      long micros = Integer.toUnsignedLong(file.getInt());
      int captured = file.getInt();
      file.getInt(); // original length
      if (captured < 0 || captured > file.remaining()) {
        throw new IOException("truncated capture record of " + captured + " bytes");
      }
      ByteBuffer frame = file.slice(file.position(), captured).order(ByteOrder.BIG_ENDIAN);
      file.position(file.position() + captured);
      UdpDatagram datagram = udp(frame, linkType, seconds * 1_000_000 + micros);
      if (datagram != null) {
        datagrams.add(datagram);
      }
    }
    return datagrams;
  }

  private static int readGlobalHeader(ByteBuffer file) throws IOException {
    if (file.remaining() < 24) {
      throw new IOException("not a pcap file: " + file.remaining() + " bytes");
    }
    int magic = file.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
      file.order(ByteOrder.BIG_ENDIAN);
    } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      throw new IOException(
          String.format("not a classic pcap file (magic %08x); pcapng needs -F pcap", magic));
    }
    file.position(20);
    return file.getInt();
  }

  private static UdpDatagram udp(ByteBuffer frame, int linkType, long timeMicros) {
    int ipStart;
    switch (linkType) {
      case LINKTYPE_ETHERNET:
        ipStart = frame.limit() >= 14 && frame.getShort(12) == (short) 0x8100 ? 18 : 14;
        break;
      case LINKTYPE_LINUX_SLL:
        ipStart = 16;
        break;
      case LINKTYPE_LINUX_SLL2:
        ipStart = 20;
        break;
      case LINKTYPE_NULL:
        ipStart = 4;
        break;
      case LINKTYPE_RAW:
      case LINKTYPE_IPV4:
      case LINKTYPE_IPV6:
        ipStart = 0;
        break;
      default:
        return null;
    }
    return ipStart < frame.limit() ? ip(frame, ipStart, timeMicros) : null;
  }

  private static UdpDatagram ip(ByteBuffer frame, int start, long timeMicros) {
    int version = (frame.get(start) & 0xff) >>> 4;
    int udpStart;
    if (version == 4 && frame.limit() >= start + 20 && frame.get(start + 9) == 17) {
      udpStart = start + (frame.get(start) & 0x0f) * 4;
    } else if (version == 6 && frame.limit() >= start + 40 && frame.get(start + 6) == 17) {
      udpStart = start + 40;
    } else {
      return null;
    }
    if (frame.limit() < udpStart + 8) {
      return null;
    }
    int length = Math.min(frame.getShort(udpStart + 4) & 0xffff, frame.limit() - udpStart) - 8;
    if (length < 0) {
      return null;
    }
    byte[] payload = new byte[length];
    frame.get(udpStart + 8, payload);
    return new UdpDatagram(
        timeMicros, frame.getShort(udpStart) & 0xffff, frame.getShort(udpStart + 2) & 0xffff, payload);
  }
}
