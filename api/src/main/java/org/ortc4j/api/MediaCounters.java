package org.ortc4j.api;

/**
 * What a {@link DtlsTransport}'s media path did, since it was created. Every packet that did not
 * reach a reader is in exactly one drop counter.
 *
 * @param rtpSent RTP packets protected and handed to ICE
 * @param rtcpSent SRTCP compound packets protected and handed to ICE
 * @param sendFailures protected packets ICE could not send (not connected, closed)
 * @param rtpReceived RTP packets decrypted and authenticated
 * @param rtcpReceived SRTCP compound packets decrypted and authenticated
 * @param authFailures SRTP/SRTCP packets whose authentication tag did not verify (forged,
 *     corrupted, or keyed otherwise)
 * @param replayed SRTP/SRTCP packets refused by the replay check (duplicates, too old)
 * @param otherSrtpDrops SRTP/SRTCP packets refused for another reason (too short, bad header,
 *     stream limit)
 * @param malformed decrypted packets that did not parse as RTP or RTCP
 * @param unrouted decrypted RTP packets for an SSRC nobody reads (see {@link
 *     DtlsTransport#unknownSsrcs()})
 * @param readerDrops decrypted packets dropped because a reader's queue was full
 * @param earlyDrops media that arrived before SRTP was keyed beyond the early-packet limit, or
 *     after the transport ended
 * @param demuxDrops datagrams that were neither DTLS nor RTP/RTCP, or DTLS ones with nowhere to
 *     go
 */
public record MediaCounters(
    long rtpSent,
    long rtcpSent,
    long sendFailures,
    long rtpReceived,
    long rtcpReceived,
    long authFailures,
    long replayed,
    long otherSrtpDrops,
    long malformed,
    long unrouted,
    long readerDrops,
    long earlyDrops,
    long demuxDrops) {}
