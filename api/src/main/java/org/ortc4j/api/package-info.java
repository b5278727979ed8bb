/**
 * The ORTC object model: {@link org.ortc4j.api.IceGatherer}, {@link
 * org.ortc4j.api.IceTransport} and {@link org.ortc4j.api.DtlsTransport}, created by an {@link
 * org.ortc4j.api.OrtcApi} from its {@link org.ortc4j.api.OrtcSettings}, in the shape of Pion's
 * ORTC objects (examples/ortc) and W3C ORTC.
 *
 * <p>Conventions shared by every object:
 *
 * <ul>
 *   <li>State: a synchronous {@code state()} and an RxJava {@code states()} that replays the
 *       current state to each new subscriber, never emits the same state twice in a row, never
 *       errors (failure is a FAILED state plus {@code failureCause()}), completes after the
 *       final CLOSED, and delivers outside every internal lock, so that a subscriber may call
 *       the object back, {@code stop()} included.
 *   <li>Starts come blocking with a timeout ({@code start(..., Duration)}) and asynchronous
 *       ({@code startAsync}, a {@code CompletableFuture}); a failure or a stop ends a pending
 *       start at once.
 *   <li>Misuse throws subclasses of {@link org.ortc4j.api.RtcException} named after the W3C
 *       errors: {@link org.ortc4j.api.InvalidStateException}, {@link
 *       org.ortc4j.api.InvalidAccessException}, {@link org.ortc4j.api.RtcTimeoutException}.
 *   <li>Per-packet trouble (forged, replayed, malformed packets, unknown SSRCs, slow readers)
 *       is dropped and counted ({@link org.ortc4j.api.MediaCounters}), never thrown.
 * </ul>
 *
 * <p>Values shared with the lower modules are used as they are: {@code IceCandidate}, {@code
 * IceParameters}, {@code IceRole}, {@code IceConnectionState} from {@code org.ortc4j.ice};
 * {@code CertificateFingerprint} from {@code org.ortc4j.dtls}; {@code RtpPacket} and {@code
 * RtcpPacket} from {@code org.ortc4j.rtp} and {@code org.ortc4j.rtcp}.
 */
package org.ortc4j.api;
