package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

/**
 * Compound RTCP packets (RFC 3550 §6.1): several packets back to back in one datagram, and
 * reduced-size RTCP (RFC 5506), a single packet of any type.
 *
 * <pre>
 * if encrypted: random 32-bit integer
 * |
 * |[--------- packet --------][---------- packet ----------][-packet-]
 * |
 * |                receiver            chunk        chunk
 * V                reports           item  item   item  item
 * --------------------------------------------------------------------
 * R[SR #sendinfo #site1#site2][SDES #CNAME PHONE #CNAME LOC][BYE##why]
 * --------------------------------------------------------------------
 * |                                                                  |
 * |&lt;-----------------------  compound packet ----------------------&gt;|
 * </pre>
 *
 * <p>Parsing walks the packets by their declared lengths, checks each one fully and returns them
 * all, or throws for the first malformed one: never a partial list.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.1">RFC 3550 §6.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5506">RFC 5506</a>
 */
public final class RtcpCompound {
  private RtcpCompound() {}

  /** Parses all of {@code data} with {@link CompoundValidation#NONE}. */
  public static List<RtcpPacket> parse(byte[] data) throws RtcpParseException {
    return parse(data, 0, data.length, CompoundValidation.NONE);
  }

  /** Parses {@code data[offset, offset + length)} with {@link CompoundValidation#NONE}. */
  public static List<RtcpPacket> parse(byte[] data, int offset, int length)
      throws RtcpParseException {
    return parse(data, offset, length, CompoundValidation.NONE);
  }

  /**
   * Parses {@code data[offset, offset + length)} as one or more RTCP packets.
   *
   * @param validation how strictly to check the sequence of packets
   * @return the packets, in order; never empty
   * @throws RtcpParseException if any packet is malformed, the lengths do not add up to {@code
   *     length}, or the sequence fails {@code validation}
   * @throws IllegalArgumentException if the range is outside {@code data}
   */
  public static List<RtcpPacket> parse(
      byte[] data, int offset, int length, CompoundValidation validation)
      throws RtcpParseException {
    ByteReader.checkRange(data, offset, length);
    Objects.requireNonNull(validation, "validation");
    if (length == 0) {
      throw new RtcpParseException(Reason.TOO_SHORT, "no bytes to parse");
    }
    List<RtcpPacket> packets = new ArrayList<>();
    int end = offset + length;
    for (int position = offset; position < end; ) {
      RtcpHeader header = RtcpHeader.read(data, position, end - position);
      int next = position + header.packetSize();
      check(validation, header, packets.size(), next == end);
      packets.add(PacketDecoder.decode(header, data, position));
      position = next;
    }
    return List.copyOf(packets);
  }

  private static void check(
      CompoundValidation validation, RtcpHeader header, int index, boolean last)
      throws RtcpParseException {
    if (validation == CompoundValidation.NONE) {
      return;
    }
    if (header.padding() && !last) {
      throw new RtcpParseException(
          Reason.PADDING_NOT_LAST,
          "packet " + index + " (" + RtcpPacketType.name(header.packetType()) + ") has padding");
    }
    int type = header.packetType();
    if (validation == CompoundValidation.RFC3550
        && index == 0
        && type != RtcpPacketType.SENDER_REPORT
        && type != RtcpPacketType.RECEIVER_REPORT) {
      throw new RtcpParseException(
          Reason.NOT_COMPOUND,
          "a compound packet starts with SR or RR, not " + RtcpPacketType.name(type));
    }
  }

  /** The size of the compound packet {@code packets} make. */
  public static int serializedLength(List<? extends RtcpPacket> packets) {
    int size = 0;
    for (RtcpPacket packet : packets) {
      size += packet.serializedLength();
    }
    return size;
  }

  /** The packets back to back, in order. */
  public static byte[] serialize(List<? extends RtcpPacket> packets) {
    byte[] bytes = new byte[serializedLength(packets)];
    serialize(packets, bytes, 0);
    return bytes;
  }

  /**
   * Writes the packets back to back at {@code offset}.
   *
   * @return the number of bytes written
   * @throws IllegalArgumentException if they do not fit
   */
  public static int serialize(List<? extends RtcpPacket> packets, byte[] destination, int offset) {
    ByteReader.checkRange(destination, offset, serializedLength(packets));
    int position = offset;
    for (RtcpPacket packet : packets) {
      position += packet.serialize(destination, position);
    }
    return position - offset;
  }

  /** Every SSRC the packets name as a destination, each once, in order of appearance. */
  public static List<Long> destinationSsrcs(List<? extends RtcpPacket> packets) {
    Set<Long> ssrcs = new LinkedHashSet<>();
    for (RtcpPacket packet : packets) {
      ssrcs.addAll(packet.destinationSsrcs());
    }
    return List.copyOf(ssrcs);
  }
}
