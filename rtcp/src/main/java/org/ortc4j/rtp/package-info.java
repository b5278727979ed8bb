/**
 * RTP packets (RFC 3550 §5) and their header extensions (RFC 3550 §5.3.1, RFC 8285), parsed and
 * serialized byte for byte.
 *
 * <p>Two ways in:
 *
 * <ul>
 *   <li>{@link org.ortc4j.rtp.RtpPacket}, {@link org.ortc4j.rtp.RtpHeader} and {@link
 *       org.ortc4j.rtp.RtpHeaderExtension}: immutable values, for building packets, tests and
 *       anything off the hot path. {@link org.ortc4j.rtp.RtpPacket#parse(byte[])} copies what it
 *       reads.
 *   <li>{@link org.ortc4j.rtp.RtpPacketView}: a reusable flyweight over a byte array that reads
 *       and patches a packet in place without allocating, for SRTP and forwarding. It accepts
 *       exactly the bytes {@code RtpPacket.parse} accepts.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>Unsigned 32-bit fields (SSRC, CSRCs, RTP timestamp) are {@code long}s in {@code [0,
 *       2^32)}; the 16-bit sequence number and 7-bit payload type are {@code int}s. Constructors
 *       and setters reject values outside a field's range with {@link
 *       java.lang.IllegalArgumentException}, so every value that exists can be serialized.
 *   <li>Lists are immutable copies; byte arrays are copied in and out. A header without an
 *       extension has {@code null} for {@link org.ortc4j.rtp.RtpHeader#extension()}; lookups of
 *       extension elements return {@link java.util.Optional}s.
 *   <li>Malformed input throws the checked {@link org.ortc4j.rtp.RtpParseException} with a
 *       {@link org.ortc4j.rtp.RtpParseException.Reason}, nothing else, whatever the bytes; the
 *       view reports the same verdict as a negative code instead.
 *   <li>RTP padding is kept as {@link org.ortc4j.rtp.RtpPacket#paddingLength()}, and RFC 8285
 *       extensions serialize canonically (elements packed, zero padding at the end), so
 *       canonical packets serialize back to the bytes they were parsed from.
 *   <li>The values are immutable and safe to share between threads; a view is not.
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-5">RFC 3550 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8285">RFC 8285</a>
 */
package org.ortc4j.rtp;
