/**
 * The machinery behind {@link org.ortc4j.srtp.SrtpContext}: key derivation, AES counter mode on
 * AES/ECB, allocation-free HMAC-SHA1, the AES-CM and AES-GCM packet transforms, replay windows,
 * rollover counter estimation and the per-SSRC table. Not API: it may change at any time.
 */
package org.ortc4j.srtp.internal;
