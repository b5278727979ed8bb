package org.ortc4j.rtcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes UDP datagrams into a classic libpcap file as Ethernet/IPv4/UDP frames between two
 * loopback endpoints, so that an independent dissector (tshark) can read what we serialize.
 */
final class PcapWriter {
  private static final int LINKTYPE_ETHERNET = 1;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int frames;

  PcapWriter() {
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_ETHERNET);
    out.writeBytes(header.array());
  }

  /** Adds one datagram from 127.0.0.1:{@code sourcePort} to 127.0.0.1:{@code destinationPort}. */
  PcapWriter udp(int sourcePort, int destinationPort, byte[] payload) {
    byte[] frame = frame(sourcePort, destinationPort, payload);
    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt(1_700_000_000 + frames).putInt(0).putInt(frame.length).putInt(frame.length);
    out.writeBytes(record.array());
    out.writeBytes(frame);
    frames++;
    return this;
  }

  int frames() {
    return frames;
  }

  void writeTo(Path file) throws IOException {
    Files.write(file, out.toByteArray());
  }

  private static byte[] frame(int sourcePort, int destinationPort, byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(14 + 20 + 8 + payload.length);
    frame.put(new byte[12]).putShort((short) 0x0800); // zero MACs, IPv4
    int ipStart = frame.position();
    frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + payload.length));
    frame.putShort((short) 0).putShort((short) 0x4000).put((byte) 64).put((byte) 17);
    frame.putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001);
    frame.putShort(ipStart + 10, ipChecksum(frame.array(), ipStart));
    frame.putShort((short) sourcePort).putShort((short) destinationPort);
    frame.putShort((short) (8 + payload.length)).putShort((short) 0); // no UDP checksum
    frame.put(payload);
    return frame.array();
  }

  private static short ipChecksum(byte[] bytes, int start) {
    int sum = 0;
    for (int i = start; i < start + 20; i += 2) {
      sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
    }
    while (sum >>> 16 != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (short) ~sum;
  }
}
