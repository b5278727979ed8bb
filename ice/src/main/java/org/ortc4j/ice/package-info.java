/**
 * ICE (RFC 8445) for ortc4j: gathering, connectivity checks, consent freshness (RFC 7675) and a
 * datagram connection over the selected pair, built on ice4j. No Rx, no DTLS: the {@code api}
 * module wraps this in the ORTC objects.
 *
 * <p>The pieces: {@link org.ortc4j.ice.IceAgent} (one per transport, one ICE component) with
 * its settings {@link org.ortc4j.ice.IceAgentConfig} and events {@link
 * org.ortc4j.ice.IceAgentListener}; the signalling values {@link org.ortc4j.ice.IceParameters},
 * {@link org.ortc4j.ice.IceCandidate} (fields as W3C {@code RTCIceCandidate}) and {@link
 * org.ortc4j.ice.IceServer}; the states {@link org.ortc4j.ice.IceGatheringState} and {@link
 * org.ortc4j.ice.IceConnectionState}; and {@link org.ortc4j.ice.IceConnection}, which carries
 * DTLS and SRTP once connected.
 *
 * <pre>{@code
 * IceAgentConfig config = IceAgentConfig.builder().loopbackOnly().build();
 * IceAgent agent = IceAgent.create(config, new IceAgentListener() {
 *   public void onCandidate(IceCandidate c) { signalling.sendCandidate(c); }
 *   public void onStateChange(IceConnectionState s) { log(s); }
 * });
 * signalling.sendParameters(agent.localParameters());
 * agent.gather();
 * agent.start(IceRole.CONTROLLING, remoteParameters);     // remote candidates: before or after
 * signalling.onCandidate(agent::addRemoteCandidate);
 * agent.connection().setReceiver((buf, off, len) -> handle(buf, off, len));
 * agent.connection().send(bytes, 0, bytes.length);        // once CONNECTED
 * agent.close();
 * }</pre>
 *
 * <p>What differs from using ice4j directly: host candidates on loopback when asked; no traffic
 * to the cloud-metadata address unless opted in; gathering never blocks the caller and a silent
 * STUN/TURN server costs at most the server timeout; DISCONNECTED, FAILED on consent loss and a
 * connect timeout, which ice4j does not report; our own read loop on each socket, so media does
 * not go through ice4j's 100-slot queues; close() frees every socket and thread.
 */
package org.ortc4j.ice;
