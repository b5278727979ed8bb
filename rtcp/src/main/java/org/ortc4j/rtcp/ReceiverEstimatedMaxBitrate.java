package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;

/** STUB, to be replaced by the real packet type. */
public record ReceiverEstimatedMaxBitrate() implements FramedPacket {
  static ReceiverEstimatedMaxBitrate parseBody(int count, ByteReader body, int padding) throws RtcpParseException {
    throw body.error(Reason.BAD_VALUE, "not implemented yet");
  }

  static boolean isRemb(ByteReader body) {
    return false;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return 0;
  }

  @Override
  public int padding() {
    return 0;
  }

  @Override
  public List<Long> destinationSsrcs() {
    return List.of();
  }

  @Override
  public int bodyLength() {
    return 0;
  }

  @Override
  public void writeBody(ByteWriter out) {}
}
