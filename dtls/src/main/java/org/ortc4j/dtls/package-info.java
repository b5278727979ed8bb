/**
 * A DTLS-SRTP endpoint on BouncyCastle, usable alone: no ICE, no Rx.
 *
 * <ul>
 *   <li>{@link org.ortc4j.dtls.DtlsCertificate}: self-signed ECDSA P-256 (default) or RSA-2048
 *       certificates, PEM export and import, and {@link org.ortc4j.dtls.CertificateFingerprint
 *       fingerprints} in SDP form for sha-1 to sha-512.
 *   <li>{@link org.ortc4j.dtls.DtlsConfig}: the local certificate, the expected remote
 *       fingerprints (always verified), the SRTP profile order, retransmission and timeouts.
 *   <li>{@link org.ortc4j.dtls.DtlsSession}: one DTLS 1.2 handshake in the client or server
 *       role over a {@link org.ortc4j.dtls.PacketTransport} (send a datagram, receive one with a
 *       timeout, close), on its own thread, then application data both ways until close.
 *   <li>{@link org.ortc4j.dtls.DtlsHandshakeResult}: the negotiated cipher suite and SRTP
 *       profile, the SRTP keying material split per RFC 5764, and the peer's certificate.
 *   <li>{@link org.ortc4j.dtls.DtlsException} with a {@link org.ortc4j.dtls.DtlsFailure} reason
 *       and the {@link org.ortc4j.dtls.DtlsAlert} sent or received.
 * </ul>
 *
 * <pre>{@code
 * DtlsCertificate certificate = DtlsCertificate.generate();
 * String mine = certificate.fingerprint(FingerprintAlgorithm.SHA_256).toString(); // to the peer
 * DtlsConfig config = DtlsConfig.builder()
 *     .certificate(certificate)
 *     .remoteFingerprint(CertificateFingerprint.parse(theirs))                   // from the peer
 *     .build();
 * try (UdpPacketTransport udp = UdpPacketTransport.open(local, remote);
 *     DtlsSession session = DtlsSession.start(DtlsRole.CLIENT, udp, config,
 *         new DtlsSessionListener() {})) {
 *   DtlsHandshakeResult result = session.handshake().get(30, TimeUnit.SECONDS);
 *   SrtpKeyingMaterial keys = result.srtp().orElseThrow();
 *   // protect with keys.localMasterKey(true), keys.localMasterSalt(true) ...
 * }
 * }</pre>
 *
 * <p>The BouncyCastle peers, the datagram adapter and the PEM and certificate machinery live
 * in {@code org.ortc4j.dtls.internal}, which is not API.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347">RFC 6347 (DTLS 1.2)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764">RFC 5764 (DTLS-SRTP)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8122">RFC 8122 (fingerprints)</a>
 */
package org.ortc4j.dtls;
