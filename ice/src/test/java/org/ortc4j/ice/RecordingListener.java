package org.ortc4j.ice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records an agent's events and lets tests wait for them with timeouts. */
final class RecordingListener implements IceAgentListener {
  final List<IceCandidate> candidates = new CopyOnWriteArrayList<>();
  final List<IceConnectionState> states = new CopyOnWriteArrayList<>();
  final List<IceGatheringState> gatheringStates = new CopyOnWriteArrayList<>();
  final List<IceCandidatePair> selectedPairs = new CopyOnWriteArrayList<>();
  final CompletableFuture<Void> endOfCandidates = new CompletableFuture<>();
  final List<Thread> eventThreads = new CopyOnWriteArrayList<>();
  private final Map<IceConnectionState, CompletableFuture<Void>> reached =
      new ConcurrentHashMap<>();
  private final Map<IceGatheringState, CompletableFuture<Void>> gatheringReached =
      new ConcurrentHashMap<>();
  private volatile Consumer<IceCandidate> trickleTo;

  /** Forwards every candidate found from now on to {@code sink}. */
  void trickleTo(Consumer<IceCandidate> sink) {
    trickleTo = sink;
  }

  @Override
  public void onCandidate(IceCandidate candidate) {
    eventThreads.add(Thread.currentThread());
    candidates.add(candidate);
    Consumer<IceCandidate> sink = trickleTo;
    if (sink != null) {
      sink.accept(candidate);
    }
  }

  @Override
  public void onEndOfCandidates() {
    eventThreads.add(Thread.currentThread());
    endOfCandidates.complete(null);
  }

  @Override
  public void onGatheringStateChange(IceGatheringState state) {
    eventThreads.add(Thread.currentThread());
    gatheringStates.add(state);
    gatheringReached.computeIfAbsent(state, s -> new CompletableFuture<>()).complete(null);
  }

  @Override
  public void onStateChange(IceConnectionState state) {
    eventThreads.add(Thread.currentThread());
    states.add(state);
    future(state).complete(null);
  }

  @Override
  public void onSelectedPairChange(IceCandidatePair pair) {
    eventThreads.add(Thread.currentThread());
    selectedPairs.add(pair);
  }

  CompletableFuture<Void> future(IceConnectionState state) {
    return reached.computeIfAbsent(state, s -> new CompletableFuture<>());
  }

  void awaitState(IceConnectionState state, Duration timeout) throws Exception {
    future(state).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void awaitGatheringState(IceGatheringState state, Duration timeout) throws Exception {
    gatheringReached.computeIfAbsent(state, s -> new CompletableFuture<>())
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void awaitEndOfCandidates(Duration timeout) throws Exception {
    endOfCandidates.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<IceGatheringState> gatheringStates() {
    return new ArrayList<>(gatheringStates);
  }

  List<IceConnectionState> statesSoFar() {
    return new ArrayList<>(states);
  }
}
