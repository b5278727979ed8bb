package org.ortc4j.rtcp;

/**
 * RTCP packet type (PT) and feedback message type (FMT) codes, from the IANA "RTP Control
 * Protocol (RTCP) Control Packet Types" and "FMT Values" registries.
 */
public final class RtcpPacketType {
  private RtcpPacketType() {}

  /** SR, RFC 3550 §6.4.1. */
  public static final int SENDER_REPORT = 200;
  /** RR, RFC 3550 §6.4.2. */
  public static final int RECEIVER_REPORT = 201;
  /** SDES, RFC 3550 §6.5. */
  public static final int SOURCE_DESCRIPTION = 202;
  /** BYE, RFC 3550 §6.6. */
  public static final int GOODBYE = 203;
  /** APP, RFC 3550 §6.7. */
  public static final int APPLICATION_DEFINED = 204;
  /** RTPFB, transport-layer feedback, RFC 4585 §6.2. */
  public static final int TRANSPORT_LAYER_FEEDBACK = 205;
  /** PSFB, payload-specific feedback, RFC 4585 §6.3. */
  public static final int PAYLOAD_SPECIFIC_FEEDBACK = 206;
  /** XR, extended reports, RFC 3611. */
  public static final int EXTENDED_REPORT = 207;

  /** RTPFB FMT 1: Generic NACK, RFC 4585 §6.2.1. */
  public static final int FMT_GENERIC_NACK = 1;
  /** RTPFB FMT 11: congestion control feedback, RFC 8888. */
  public static final int FMT_CONGESTION_CONTROL_FEEDBACK = 11;
  /** RTPFB FMT 15: transport-wide congestion control feedback (draft-holmer-rmcat-...-01). */
  public static final int FMT_TRANSPORT_WIDE_CC = 15;
  /** PSFB FMT 1: Picture Loss Indication, RFC 4585 §6.3.1. */
  public static final int FMT_PICTURE_LOSS = 1;
  /** PSFB FMT 2: Slice Loss Indication, RFC 4585 §6.3.2. */
  public static final int FMT_SLICE_LOSS = 2;
  /** PSFB FMT 4: Full Intra Request, RFC 5104 §4.3.1. */
  public static final int FMT_FULL_INTRA_REQUEST = 4;
  /** PSFB FMT 15: application-layer feedback, RFC 4585 §6.4 (REMB uses it). */
  public static final int FMT_APPLICATION_LAYER = 15;

  /**
   * A short name for logs: "SR", "RR", "SDES", "BYE", "APP", "RTPFB", "PSFB", "XR", or "PT=n".
   */
  public static String name(int packetType) {
    switch (packetType) {
      case SENDER_REPORT:
        return "SR";
      case RECEIVER_REPORT:
        return "RR";
      case SOURCE_DESCRIPTION:
        return "SDES";
      case GOODBYE:
        return "BYE";
      case APPLICATION_DEFINED:
        return "APP";
      case TRANSPORT_LAYER_FEEDBACK:
        return "RTPFB";
      case PAYLOAD_SPECIFIC_FEEDBACK:
        return "PSFB";
      case EXTENDED_REPORT:
        return "XR";
      default:
        return "PT=" + packetType;
    }
  }
}
