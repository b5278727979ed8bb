/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) on the JDK's crypto; not written yet (issue 3).
 *
 * <p>This module will hold {@code SrtpProfile} (AES128_CM_HMAC_SHA1_80/32, AEAD_AES_128/256_GCM
 * with their IANA ids and key, salt and tag lengths), contexts that protect and unprotect RTP and
 * RTCP in place with per-SSRC rollover counters and replay windows, key derivation, and the
 * split of DTLS-SRTP keying material (RFC 5764 §4.2) into local and remote contexts. Per-packet
 * outcomes will be status values, not exceptions.
 */
package org.ortc4j.srtp;
