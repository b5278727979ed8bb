/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) on the JDK's crypto (AES-NI, SHA and CLMUL intrinsics),
 * byte for byte compatible with libsrtp.
 *
 * <ul>
 *   <li>{@link org.ortc4j.srtp.SrtpProfile}: AES128_CM_HMAC_SHA1_80/32 and AEAD_AES_128/256_GCM
 *       with their DTLS-SRTP ids and key, salt and tag lengths.
 *   <li>{@link org.ortc4j.srtp.SrtpKeyingMaterial}: the DTLS-SRTP exporter output (RFC 5764
 *       §4.2) split into the client's and the server's master key and salt.
 *   <li>{@link org.ortc4j.srtp.SrtpContext}: one direction; protects (outbound) or unprotects
 *       (inbound) RTP and RTCP in place, in arrays or ByteBuffers, with per-SSRC rollover
 *       counters, replay windows and SRTCP indices. Key derivation is done once at creation.
 *   <li>{@link org.ortc4j.srtp.SrtpStatus}: the outcome of each packet. Forged, replayed,
 *       truncated or malformed packets are counted drops ({@link org.ortc4j.srtp.SrtpCounters}),
 *       never exceptions; configuration errors throw at creation.
 *   <li>{@link org.ortc4j.srtp.SrtpOptions}: replay window sizes and the cap on SSRCs.
 * </ul>
 *
 * <pre>{@code
 * SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(profile, exported); // from DTLS
 * SrtpContext out = SrtpContext.outbound(keys, dtlsClient, SrtpOptions.defaults());
 * SrtpContext in = SrtpContext.inbound(keys, dtlsClient, SrtpOptions.defaults());
 *
 * // send: the array needs rtpOverhead() bytes of room after the packet
 * if (out.protectRtp(buf, 0, len) == SrtpStatus.OK) {
 *   send(buf, 0, len + out.rtpOverhead());
 * }
 * // receive
 * if (in.unprotectRtp(buf, 0, received) == SrtpStatus.OK) {
 *   deliver(buf, 0, received - in.rtpOverhead());
 * }
 * }</pre>
 *
 * <p>Contexts take no locks: one thread at a time per context and packet kind (see {@link
 * org.ortc4j.srtp.SrtpContext}). Once an SSRC is known, AES-CM packets allocate nothing; the
 * JDK's AES-GCM allocates about 1 KB per packet inside {@code Cipher.init}. The machinery (key
 * derivation, AES counter mode, HMAC-SHA1, replay windows) lives in {@code
 * org.ortc4j.srtp.internal}, which is not API.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711">RFC 3711</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714">RFC 7714</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764">RFC 5764</a>
 */
package org.ortc4j.srtp;
