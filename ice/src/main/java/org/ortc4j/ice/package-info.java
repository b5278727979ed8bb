/**
 * ICE gathering and connectivity over ice4j; not written yet (issue 5).
 *
 * <p>This module will hold a gatherer (host candidates on chosen addresses including loopback,
 * STUN server-reflexive and TURN relay candidates, trickled) and an agent (controlling or
 * controlled, consent freshness, the selected pair, a datagram connection for the layers
 * above). ice4j's cloud-metadata probe and mapping harvesters stay off unless a user opts in.
 */
package org.ortc4j.ice;
