/**
 * Machinery behind {@link org.ortc4j.dtls}: the BouncyCastle TLS peers, the adapter from
 * {@link org.ortc4j.dtls.PacketTransport} to BouncyCastle's datagram transport, certificate
 * generation and PEM handling. Not API: it may change without notice.
 */
package org.ortc4j.dtls.internal;
