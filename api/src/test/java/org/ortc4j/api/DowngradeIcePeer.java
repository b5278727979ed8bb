package org.ortc4j.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ortc4j.dtls.PacketTransport;
import org.ortc4j.ice.IceAgent;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceAgentListener;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * The ICE half of a hostile peer: a plain {@code ice} module agent on 127.0.0.1 that connects to
 * an ortc4j {@link TestPeer} like any peer would, and offers its connection as a {@link
 * PacketTransport} for a DTLS stack of the test's choosing (see the dtls module's test
 * {@code DowngradePeers}).
 */
final class DowngradeIcePeer implements AutoCloseable {
  private static final byte[] CLOSED = new byte[0];

  final IceAgent agent;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  /** An agent that trickles its candidates to {@code victim}. */
  DowngradeIcePeer(TestPeer victim) {
    agent = IceAgent.create(IceAgentConfig.builder().addresses(TestPeer.loopback()).build(),
        new IceAgentListener() {
          @Override
          public void onCandidate(IceCandidate candidate) {
            victim.ice.addRemoteCandidate(candidate);
          }

          @Override
          public void onEndOfCandidates() {
            victim.ice.endOfRemoteCandidates();
          }

          @Override
          public void onStateChange(IceConnectionState state) {
            if (state == IceConnectionState.CONNECTED) {
              connected.complete(null);
            }
          }
        });
    agent.connection().setReceiver((buf, off, len) ->
        inbox.add(Arrays.copyOfRange(buf, off, off + len)));
  }

  /** Runs ICE with {@code victim}, this side in {@code role}; completes when connected. */
  CompletableFuture<Void> connect(TestPeer victim, IceRole role) {
    agent.gather();
    victim.gatherer.candidates().subscribe(agent::addRemoteCandidate, e -> { },
        agent::endOfRemoteCandidates);
    victim.gatherer.gather();
    agent.start(role, victim.gatherer.getLocalParameters());
    victim.ice.startAsync(agent.localParameters(),
        role == IceRole.CONTROLLING ? IceRole.CONTROLLED : IceRole.CONTROLLING);
    return connected;
  }

  /** The connection as a datagram transport for a DTLS stack. */
  PacketTransport transport() {
    return new PacketTransport() {
      @Override
      public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
          throw new IOException("closed");
        }
        agent.connection().send(buf, off, len);
      }

      @Override
      public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        byte[] datagram;
        try {
          datagram = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
        if (datagram == CLOSED || closed) {
          throw new IOException("closed");
        }
        if (datagram == null) {
          return -1;
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
      }

      @Override
      public int maxDatagramSize() {
        return 1500;
      }

      @Override
      public void close() {
        DowngradeIcePeer.this.close();
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    inbox.add(CLOSED);
    agent.close();
  }
}
