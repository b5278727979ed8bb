package org.ortc4j.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceRole;

/**
 * Two {@link TestPeer}s whose every datagram crosses an {@link ImpairedLink}: each is told only
 * the relay's address as the other's candidate. A is ICE controlling (so the DTLS server).
 */
final class ImpairedCall implements AutoCloseable {
  final TestPeer a;
  final TestPeer b;
  final ImpairedLink link;

  ImpairedCall(OrtcSettings settings, long seed) throws Exception {
    a = new TestPeer("a", settings);
    b = new TestPeer("b", settings);
    IceCandidate hostA = gather(a);
    IceCandidate hostB = gather(b);
    link = new ImpairedLink(hostA, hostB, seed);
  }

  /** The whole ORTC sequence through the link; completes when both DTLS transports connect. */
  CompletableFuture<Void> connect() {
    a.ice.addRemoteCandidate(link.candidateForA());
    a.ice.endOfRemoteCandidates();
    b.ice.addRemoteCandidate(link.candidateForB());
    b.ice.endOfRemoteCandidates();
    a.ice.startAsync(b.gatherer.getLocalParameters(), IceRole.CONTROLLING);
    b.ice.startAsync(a.gatherer.getLocalParameters(), IceRole.CONTROLLED);
    return CompletableFuture.allOf(a.dtls.startAsync(b.dtls.getLocalParameters()),
        b.dtls.startAsync(a.dtls.getLocalParameters()));
  }

  private static IceCandidate gather(TestPeer peer) {
    var candidates = peer.gatherer.candidates().toList();
    peer.gatherer.gather();
    List<IceCandidate> all = candidates.timeout(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS)
        .blockingGet();
    return all.get(0); // loopback settings: one host candidate on 127.0.0.1
  }

  @Override
  public void close() throws InterruptedException {
    a.close();
    b.close();
    link.close();
  }
}
