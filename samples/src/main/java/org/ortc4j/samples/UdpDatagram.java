package org.ortc4j.samples;

/**
 * One UDP datagram read from a capture.
 *
 * @param timeMicros capture time, microseconds since the Unix epoch
 * @param sourcePort UDP source port
 * @param destinationPort UDP destination port
 * @param payload the UDP payload (not copied: this is a sample, the reader owns nothing else)
 */
public record UdpDatagram(long timeMicros, int sourcePort, int destinationPort, byte[] payload) {}
