/**
 * A DTLS-SRTP keying endpoint on BouncyCastle; not written yet (issue 4).
 *
 * <p>This module will hold certificate generation (ECDSA P-256, RSA-2048), SDP-style
 * fingerprints, PEM import and export, and a DTLS 1.2 handshake session over a tiny datagram
 * interface (send, receive with a timeout, close) in the client or server role, with the remote
 * fingerprint checked inside the handshake and the SRTP keying material exported
 * ({@code EXTRACTOR-dtls_srtp}). It knows nothing of ICE.
 */
package org.ortc4j.dtls;
