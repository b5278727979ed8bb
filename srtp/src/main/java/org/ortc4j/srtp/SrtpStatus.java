package org.ortc4j.srtp;

/**
 * The outcome of protecting or unprotecting one packet. Every status but {@link #OK} means the
 * packet must be dropped; each is counted in {@link SrtpContext#counters()}.
 *
 * <p>After a failure the packet's length is unchanged and nothing was appended; its bytes may
 * have been partly processed (e.g. {@link #STREAM_LIMIT} is decided after decryption) and must
 * not be used.
 */
public enum SrtpStatus {
  /** The packet was protected or unprotected; its length changed by the context's overhead. */
  OK,
  /** The authentication tag does not match: a forged, corrupted or wrongly keyed packet. */
  AUTH_FAILED,
  /** The packet index was already accepted on this stream (RFC 3711 §3.3.2). */
  REPLAY_DUPLICATE,
  /** The packet index is older than the replay window, so a replay cannot be ruled out. */
  REPLAY_TOO_OLD,
  /**
   * Fewer bytes than the smallest valid packet: 12 (RTP) or 8 (RTCP) to protect; those plus the
   * tag (and SRTCP's 4-byte index) to unprotect.
   */
  TOO_SHORT,
  /**
   * Not a version 2 packet, or the CSRC list or header extension an RTP header declares runs
   * past the packet (past the tag, when unprotecting).
   */
  BAD_HEADER,
  /**
   * The master key may not protect this packet: the SRTP index would pass 2<sup>48</sup> - 1
   * (the rollover counter would wrap) or the SRTCP index 2<sup>31</sup> - 1 (RFC 3711 §9.2).
   * Rekey (a new DTLS handshake) to continue. Nothing was written.
   */
  KEY_LIMIT_REACHED,
  /**
   * The array or buffer has no room for the protected packet (length plus overhead from the
   * packet's offset). Nothing was written.
   */
  BUFFER_TOO_SMALL,
  /**
   * The packet's SSRC is new and the context already keeps state for {@link
   * SrtpOptions#maxStreams()} SSRCs. On an inbound context this is decided only for packets that
   * authenticated.
   */
  STREAM_LIMIT
}
