package org.ortc4j.bench;

import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ortc4j.api.DtlsTransport;
import org.ortc4j.api.DtlsTransportState;
import org.ortc4j.api.IceGatherOptions;
import org.ortc4j.api.IceGatherer;
import org.ortc4j.api.IceTransport;
import org.ortc4j.api.OrtcApi;
import org.ortc4j.api.OrtcSettings;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/**
 * Two ORTC peers in this JVM on 127.0.0.1, wired as Pion's ortc example does over its signal:
 * each trickles its candidates to the other, both start ICE at once (one controlling) and DTLS
 * right after. Objects (and their certificates) are made in the constructor, so that {@link
 * #connect()} times only gathering, ICE and DTLS.
 */
final class ApiCallPair implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;

  final Peer controlling;
  final Peer controlled;
  private final CompositeDisposable subscriptions = new CompositeDisposable();

  ApiCallPair(OrtcSettings settings) {
    controlling = new Peer(OrtcApi.create(settings));
    controlled = new Peer(OrtcApi.create(settings));
  }

  /** One side: gatherer, ICE and DTLS transports, and when each reached CONNECTED. */
  static final class Peer {
    final IceGatherer gatherer;
    final IceTransport ice;
    final DtlsTransport dtls;
    final CompletableFuture<Long> iceConnectedAt = new CompletableFuture<>();
    final CompletableFuture<Long> dtlsConnectedAt = new CompletableFuture<>();

    Peer(OrtcApi api) {
      gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
      ice = api.newIceTransport(gatherer);
      dtls = api.newDtlsTransport(ice);
    }

    private void trickleTo(Peer remote, CompositeDisposable subscriptions) {
      subscriptions.add(gatherer.candidates().subscribe(remote.ice::addRemoteCandidate,
          e -> { }, () -> {
            if (remote.ice.state() != IceConnectionState.CLOSED) {
              remote.ice.endOfRemoteCandidates();
            }
          }));
    }

    private void watch(CompositeDisposable subscriptions) {
      subscriptions.add(ice.states().filter(IceConnectionState::isConnected).take(1)
          .subscribe(s -> iceConnectedAt.complete(System.nanoTime())));
      subscriptions.add(dtls.states().filter(s -> s == DtlsTransportState.CONNECTED).take(1)
          .subscribe(s -> dtlsConnectedAt.complete(System.nanoTime())));
    }

    private void stop() {
      dtls.stop();
      ice.stop();
    }
  }

  /**
   * Gathers, trickles, starts ICE and DTLS on both sides and waits for both DTLS transports to
   * be CONNECTED.
   *
   * @return from the first {@code gather()} to the later side's ICE CONNECTED, and from there to
   *     the later side's DTLS CONNECTED
   */
  ConnectTimes connect() throws Exception {
    controlling.watch(subscriptions);
    controlled.watch(subscriptions);
    controlling.trickleTo(controlled, subscriptions);
    controlled.trickleTo(controlling, subscriptions);
    long start = System.nanoTime();
    controlling.gatherer.gather();
    controlled.gatherer.gather();
    controlling.ice.startAsync(controlled.gatherer.getLocalParameters(), IceRole.CONTROLLING);
    controlled.ice.startAsync(controlling.gatherer.getLocalParameters(), IceRole.CONTROLLED);
    CompletableFuture<Void> a = controlling.dtls.startAsync(controlled.dtls.getLocalParameters());
    CompletableFuture<Void> b = controlled.dtls.startAsync(controlling.dtls.getLocalParameters());
    CompletableFuture.allOf(a, b).get(WAIT_SECONDS, TimeUnit.SECONDS);
    long iceUp = Math.max(controlling.iceConnectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS),
        controlled.iceConnectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS));
    long dtlsUp = Math.max(controlling.dtlsConnectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS),
        controlled.dtlsConnectedAt.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return new ConnectTimes(iceUp - start, dtlsUp - iceUp);
  }

  @Override
  public void close() {
    controlled.stop();
    controlling.stop();
    subscriptions.dispose();
  }
}
