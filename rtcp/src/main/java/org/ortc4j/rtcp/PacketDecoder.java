package org.ortc4j.rtcp;

import static org.ortc4j.rtcp.RtcpPacketType.*;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

/**
 * Turns one framed packet into its type: header, then padding, then a view bounded to the body,
 * then the type's decoder by PT and FMT, with {@link RawPacket} for everything else.
 */
final class PacketDecoder {
  private PacketDecoder() {}

  /**
   * Decodes the packet that {@code header} (already checked against the input) introduces at
   * {@code offset}.
   */
  static RtcpPacket decode(RtcpHeader header, byte[] data, int offset)
      throws RtcpParseException {
    int size = header.packetSize();
    int padding = header.padding() ? paddingLength(header, data, offset) : 0;
    int count = header.count();
    int type = header.packetType();
    ByteReader body =
        new ByteReader(data, offset + RtcpHeader.SIZE, size - RtcpHeader.SIZE - padding, name(header));
    try {
      return decodeType(type, count, body, padding);
    } catch (IllegalArgumentException e) {
      // The records' constructors define which field values are valid. A value the wire can
      // carry but a record refuses (padding that leaves the content off word boundaries, say)
      // makes the packet malformed; decoders check what they can first, this catches the rest.
      throw new RtcpParseException(Reason.BAD_VALUE, name(header) + ": " + e.getMessage());
    }
  }

  private static RtcpPacket decodeType(int type, int count, ByteReader body, int padding)
      throws RtcpParseException {
    switch (type) {
      case SENDER_REPORT:
        return SenderReport.parseBody(count, body, padding);
      case RECEIVER_REPORT:
        return ReceiverReport.parseBody(count, body, padding);
      case SOURCE_DESCRIPTION:
        return SourceDescription.parseBody(count, body, padding);
      case GOODBYE:
        return Goodbye.parseBody(count, body, padding);
      case APPLICATION_DEFINED:
        return ApplicationDefined.parseBody(count, body, padding);
      case TRANSPORT_LAYER_FEEDBACK:
        return decodeTransportFeedback(count, body, padding);
      case PAYLOAD_SPECIFIC_FEEDBACK:
        return decodePayloadFeedback(count, body, padding);
      case EXTENDED_REPORT:
        return ExtendedReport.parseBody(count, body, padding);
      default:
        return RawPacket.parseBody(type, count, body, padding);
    }
  }

  private static RtcpPacket decodeTransportFeedback(int format, ByteReader body, int padding)
      throws RtcpParseException {
    switch (format) {
      case FMT_GENERIC_NACK:
        return TransportLayerNack.parseBody(format, body, padding);
      case FMT_CONGESTION_CONTROL_FEEDBACK:
        return CongestionControlFeedback.parseBody(format, body, padding);
      case FMT_TRANSPORT_WIDE_CC:
        return TransportWideCcFeedback.parseBody(format, body, padding);
      default:
        return RawPacket.parseBody(TRANSPORT_LAYER_FEEDBACK, format, body, padding);
    }
  }

  private static RtcpPacket decodePayloadFeedback(int format, ByteReader body, int padding)
      throws RtcpParseException {
    switch (format) {
      case FMT_PICTURE_LOSS:
        return PictureLossIndication.parseBody(format, body, padding);
      case FMT_SLICE_LOSS:
        return SliceLossIndication.parseBody(format, body, padding);
      case FMT_FULL_INTRA_REQUEST:
        return FullIntraRequest.parseBody(format, body, padding);
      case FMT_APPLICATION_LAYER:
        if (ReceiverEstimatedMaxBitrate.isRemb(body)) {
          return ReceiverEstimatedMaxBitrate.parseBody(format, body, padding);
        }
        return RawPacket.parseBody(PAYLOAD_SPECIFIC_FEEDBACK, format, body, padding);
      default:
        return RawPacket.parseBody(PAYLOAD_SPECIFIC_FEEDBACK, format, body, padding);
    }
  }

  /** Reads the padding count from the packet's last byte and checks it fits the packet. */
  private static int paddingLength(RtcpHeader header, byte[] data, int offset)
      throws RtcpParseException {
    int size = header.packetSize();
    int padding = data[offset + size - 1] & 0xff;
    if (padding == 0 || padding > size - RtcpHeader.SIZE) {
      throw new RtcpParseException(
          Reason.BAD_PADDING,
          name(header) + " of " + size + " bytes declares " + padding + " bytes of padding");
    }
    return padding;
  }

  private static String name(RtcpHeader header) {
    int type = header.packetType();
    if (type == TRANSPORT_LAYER_FEEDBACK || type == PAYLOAD_SPECIFIC_FEEDBACK) {
      return RtcpPacketType.name(type) + " FMT=" + header.count();
    }
    return RtcpPacketType.name(type);
  }
}
