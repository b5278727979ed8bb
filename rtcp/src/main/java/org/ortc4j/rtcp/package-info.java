/**
 * RTCP packet codecs: every packet a WebRTC stack meets, parsed and serialized byte for byte.
 *
 * <p>Entry points: {@link org.ortc4j.rtcp.RtcpCompound#parse(byte[])} for a datagram (compound or
 * reduced-size), {@link org.ortc4j.rtcp.RtcpPacket#parse(byte[])} for one packet, and {@link
 * org.ortc4j.rtcp.RtcpCompound#serialize(java.util.List)} back. Each packet type is an immutable
 * record whose javadoc shows its wire format and cites its RFC section; types this library does
 * not decode come back as {@link org.ortc4j.rtcp.RawPacket}.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>Unsigned 32-bit fields (SSRCs, NTP seconds and fractions, RTP timestamps, packet and
 *       octet counts) are {@code long}s in {@code [0, 2^32)}; 16- and 8-bit fields are {@code
 *       int}s. Constructors reject values outside a field's range with {@link
 *       java.lang.IllegalArgumentException}, so every packet that exists can be serialized.
 *   <li>Lists are immutable copies; byte arrays are copied in and out.
 *   <li>Malformed input throws the checked {@link org.ortc4j.rtcp.RtcpParseException} with a
 *       {@link org.ortc4j.rtcp.RtcpParseException.Reason}; nothing else, whatever the bytes.
 *   <li>RTCP padding (the P bit) is kept as {@link org.ortc4j.rtcp.RtcpPacket#padding()}, so a
 *       padded packet serializes back to the same bytes. Padding octets other than the final
 *       count are written as zeros, as every stack sends them; non-zero ones are accepted and
 *       not kept.
 *   <li>Round trips are byte-identical for every valid packet in its canonical encoding.
 *       Reserved bits and fields are accepted whatever they hold and written as zeros, and
 *       zero octets that only align content (SDES chunk ends, BYE reasons, TWCC deltas) are
 *       written in the minimal number; each type's javadoc says which fields it normalizes.
 *       Fields with several encodings of one value (TWCC chunks, REMB exponent and mantissa)
 *       are kept as they came.
 *   <li>Everything here is immutable and safe to share between threads.
 * </ul>
 */
package org.ortc4j.rtcp;
