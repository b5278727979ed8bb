package org.ortc4j.ice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ortc4j.ice.internal.AgentConnection;
import org.ortc4j.ice.internal.Ice4jSession;
import org.ortc4j.ice.internal.IceRuntime;

/**
 * An ICE agent (RFC 8445) over ice4j: gathers local candidates, runs connectivity checks with a
 * peer and gives the layers above a datagram {@link IceConnection} over the selected pair.
 *
 * <p>Use: {@link #create}, signal {@link #localParameters()}, call {@link #gather()} and signal
 * each candidate from {@link IceAgentListener#onCandidate}; call {@link #start} with the peer's
 * parameters and feed its candidates to {@link #addRemoteCandidate} (before or after start);
 * send and receive through {@link #connection()} once the state is CONNECTED; {@link #close()}
 * when done. No method blocks on the network: gathering and checks run on the agent's threads.
 *
 * <p>Thread-safe. Events reach the listener in order on one thread of the agent (see {@link
 * IceAgentListener}).
 *
 * <p>Only traffic to configured addresses: ice4j's cloud-metadata probe and mapping harvesters
 * are off unless {@link IceAgentConfig#cloudMetadataProbe()} (or the system property {@value
 * IceRuntime#PROBE_PROPERTY}) opts in.
 */
public final class IceAgent implements AutoCloseable {
  static {
    IceRuntime.applySafeDefaults();
  }

  private static final System.Logger LOG = System.getLogger(IceAgent.class.getName());
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final long MAX_SUPERVISION_PERIOD_MILLIS = 200;
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final IceAgentConfig config;
  private final IceAgentListener listener;
  private final AgentConnection connection = new AgentConnection();
  private final IceParameters localParameters = IceParameters.random();
  private final CompletableFuture<Ice4jSession> session;
  private final ExecutorService events;
  private final ExecutorService control;
  private final ExecutorService pool;
  private final Object lock = new Object();
  private final List<IceCandidate> localCandidates = new ArrayList<>();

  private IceConnectionState state = IceConnectionState.NEW;
  private IceGatheringState gatheringState = IceGatheringState.NEW;
  private IceCandidatePair selectedPair;
  private IceFailureReason failureReason;
  private boolean remoteEnded;
  private long startedAtNanos;
  private IceRole startRole;
  private long selectedAtMillis;
  private ScheduledFuture<?> supervisor;

  private IceAgent(IceAgentConfig config, IceAgentListener listener) {
    this.config = config;
    this.listener = listener;
    int id = IDS.incrementAndGet();
    events = Executors.newSingleThreadExecutor(named("ortc4j-ice-events-" + id));
    control = Executors.newSingleThreadExecutor(named("ortc4j-ice-control-" + id));
    pool = Executors.newCachedThreadPool(named("ortc4j-ice-harvest-" + id));
    // ice4j's first agent in a JVM takes ~1-2 s to load: never on the caller's thread
    session = CompletableFuture.supplyAsync(() ->
        new Ice4jSession(config, localParameters, new SessionCallbacks(), connection), control);
  }

  /**
   * Creates an agent and returns at once; no socket is bound until {@link #gather()}. The
   * first agent in a JVM loads ice4j (~1-2 s) on the agent's own thread: gathering starts when
   * that is done, unless {@link #prewarm()} ran earlier.
   *
   * @param config the settings (the first agent in the JVM also fixes ice4j's JVM-wide ones)
   * @param listener receives the events; use a new {@code IceAgentListener() {}} for none
   */
  public static IceAgent create(IceAgentConfig config, IceAgentListener listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    IceRuntime.prewarm(config);
    return new IceAgent(config, listener);
  }

  /**
   * Loads ice4j (configuration, Kotlin) once per JVM on a background thread, with the default
   * settings, so that the first connect is not ~2 s slower than the others. Called by the
   * first {@link #create} anyway.
   *
   * @return completes when ice4j is loaded
   */
  public static CompletableFuture<Void> prewarm() {
    return IceRuntime.prewarm(IceAgentConfig.defaults());
  }

  /** As {@link #prewarm()}, fixing the JVM-wide settings from {@code config}. */
  public static CompletableFuture<Void> prewarm(IceAgentConfig config) {
    return IceRuntime.prewarm(Objects.requireNonNull(config, "config"));
  }

  /** This agent's settings. */
  public IceAgentConfig config() {
    return config;
  }

  /**
   * Our ufrag and password to signal: random, from a CSPRNG (8 and 24 ICE characters);
   * available at once, even while ice4j is still loading.
   */
  public IceParameters localParameters() {
    return localParameters;
  }

  /**
   * Starts gathering in the background: host candidates first, then server-reflexive and relay
   * ones, each reported to {@link IceAgentListener#onCandidate}, then end-of-candidates.
   *
   * @throws IllegalStateException if called twice or after close
   */
  public void gather() {
    synchronized (lock) {
      requireOpen();
      if (gatheringState != IceGatheringState.NEW) {
        throw new IllegalStateException("gather() was already called");
      }
      setGatheringState(IceGatheringState.GATHERING);
    }
    control.execute(this::gatherHosts);
  }

  private void gatherHosts() {
    try {
      session.join().gatherHosts(pool);
    } catch (IOException | RuntimeException e) {
      // closing during gathering interrupts it: expected, not worth a warning
      boolean closing;
      synchronized (lock) {
        closing = state == IceConnectionState.CLOSED;
      }
      LOG.log(closing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
          "host gathering failed", e);
      onGatheringDone();
    }
  }

  /** The local candidates reported so far, in order. */
  public List<IceCandidate> localCandidates() {
    synchronized (lock) {
      return List.copyOf(localCandidates);
    }
  }

  /** The gathering state. */
  public IceGatheringState gatheringState() {
    synchronized (lock) {
      return gatheringState;
    }
  }

  /**
   * Starts connectivity checks with the peer; returns at once. {@link #gather()} must have been
   * called. The state becomes CHECKING, and FAILED if no pair is selected within the connect
   * timeout.
   *
   * @param role our role (a role conflict may switch it: see {@link #role()})
   * @param remote the peer's parameters (validated when they were constructed)
   * @throws IllegalStateException if gather() was not called, start was already called, or the
   *     agent is closed
   */
  public void start(IceRole role, IceParameters remote) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(remote, "remote");
    synchronized (lock) {
      requireOpen();
      if (gatheringState == IceGatheringState.NEW) {
        throw new IllegalStateException("call gather() before start()");
      }
      if (state != IceConnectionState.NEW) {
        throw new IllegalStateException("start() was already called");
      }
      startedAtNanos = System.nanoTime();
      startRole = role;
      setState(IceConnectionState.CHECKING);
      supervisor = IceRuntime.timer().scheduleAtFixedRate(
          this::supervise, supervisionPeriod(), supervisionPeriod(), TimeUnit.MILLISECONDS);
    }
    control.execute(() -> startChecks(role, remote));
  }

  private void startChecks(IceRole role, IceParameters remote) {
    try {
      session.join().startChecks(role, remote);
    } catch (RuntimeException e) { // no component: host gathering failed
      LOG.log(System.Logger.Level.WARNING, "could not start the checks", e);
      synchronized (lock) {
        fail(IceFailureReason.LOCAL_ERROR);
      }
    }
  }

  private long supervisionPeriod() {
    long quarter = config.disconnectedTimeout().toMillis() / 4;
    return Math.max(10, Math.min(MAX_SUPERVISION_PERIOD_MILLIS, quarter));
  }

  /**
   * Adds a remote candidate, before or after {@link #start} (trickle). UDP candidates with a
   * literal IP address are used; TCP candidates and names (mDNS) are ignored.
   *
   * @throws IllegalStateException if the agent is closed
   */
  public void addRemoteCandidate(IceCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    synchronized (lock) {
      requireOpen();
    }
    control.execute(() -> addRemote(candidate));
  }

  private void addRemote(IceCandidate candidate) {
    try {
      session.join().addRemote(candidate);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "remote candidate not added: " + candidate, e);
    }
  }

  /** Records that the peer signalled the end of its candidates (needed for COMPLETED). */
  public void endOfRemoteCandidates() {
    synchronized (lock) {
      requireOpen();
      remoteEnded = true;
      maybeComplete();
    }
  }

  /** Our role now (it may have switched after a role conflict); empty before {@link #start}. */
  public Optional<IceRole> role() {
    synchronized (lock) {
      if (state == IceConnectionState.NEW) {
        return Optional.empty();
      }
    }
    Ice4jSession s = session.getNow(null);
    return Optional.of(s == null ? startRole : s.role());
  }

  /** The connection state. */
  public IceConnectionState state() {
    synchronized (lock) {
      return state;
    }
  }

  /** Why the state is FAILED; empty otherwise. */
  public Optional<IceFailureReason> failureReason() {
    synchronized (lock) {
      return Optional.ofNullable(failureReason);
    }
  }

  /** The selected pair; empty until one is selected. */
  public Optional<IceCandidatePair> selectedPair() {
    synchronized (lock) {
      return Optional.ofNullable(selectedPair);
    }
  }

  /** The datagram connection over the selected pair; the same object for the agent's life. */
  public IceConnection connection() {
    return connection;
  }

  /**
   * Closes the agent: state and gathering state CLOSED, ice4j agent freed, our sockets closed,
   * our threads ended (the last events are still delivered). Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (state == IceConnectionState.CLOSED) {
        return;
      }
      setState(IceConnectionState.CLOSED);
      setGatheringState(IceGatheringState.CLOSED);
      if (supervisor != null) {
        supervisor.cancel(false);
      }
    }
    connection.close();
    control.shutdownNow();
    pool.shutdownNow();
    awaitQuietly(control);
    session.whenComplete((s, failure) -> {
      if (s != null) {
        s.close();
      }
    });
    awaitQuietly(pool);
    events.shutdown();
  }

  private void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.DEBUG, "an ICE thread did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void supervise() {
    Ice4jSession s = session.getNow(null);
    if (s != null) {
      s.pollSelectedPair();
    }
    synchronized (lock) {
      if (state.isFinal()) {
        return;
      }
      if (selectedPair == null) {
        checkConnectTimeout();
      } else {
        checkConsent();
      }
    }
  }

  private void checkConnectTimeout() {
    long elapsed = System.nanoTime() - startedAtNanos;
    if (elapsed >= config.connectTimeout().toNanos()) {
      fail(IceFailureReason.CONNECT_TIMEOUT);
    }
  }

  private void checkConsent() {
    long age = System.currentTimeMillis()
        - Math.max(selectedAtMillis, session.join().lastConsentMillis());
    if (age >= config.consentTimeout().toMillis()) {
      fail(IceFailureReason.CONSENT_EXPIRED);
    } else if (age >= config.disconnectedTimeout().toMillis()) {
      setState(IceConnectionState.DISCONNECTED);
    } else if (state == IceConnectionState.DISCONNECTED) {
      setState(IceConnectionState.CONNECTED);
      maybeComplete();
    }
  }

  private void fail(IceFailureReason reason) {
    failureReason = reason;
    setState(IceConnectionState.FAILED);
    connection.deselect();
  }

  private void maybeComplete() {
    if (state == IceConnectionState.CONNECTED && remoteEnded
        && gatheringState == IceGatheringState.COMPLETE) {
      setState(IceConnectionState.COMPLETED);
    }
  }

  private void onGatheringDone() {
    synchronized (lock) {
      if (gatheringState != IceGatheringState.GATHERING) {
        return;
      }
      post(listener::onEndOfCandidates);
      setGatheringState(IceGatheringState.COMPLETE);
      maybeComplete();
    }
  }

  private void requireOpen() {
    if (state == IceConnectionState.CLOSED) {
      throw new IllegalStateException("the agent is closed");
    }
  }

  private void setState(IceConnectionState next) {
    boolean closing = next == IceConnectionState.CLOSED;
    if (state == next || (state.isFinal() && !closing)) {
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, "ICE state " + state + " -> " + next);
    state = next;
    post(() -> listener.onStateChange(next));
  }

  private void setGatheringState(IceGatheringState next) {
    if (gatheringState == next || gatheringState == IceGatheringState.CLOSED) {
      return;
    }
    gatheringState = next;
    post(() -> listener.onGatheringStateChange(next));
  }

  private void post(Runnable event) {
    events.execute(() -> {
      try {
        event.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "ICE listener threw", e);
      }
    });
  }

  private static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Session events, applied under our lock and posted to the listener in order. */
  private final class SessionCallbacks implements Ice4jSession.Callbacks {
    @Override
    public void onLocalCandidate(IceCandidate candidate) {
      synchronized (lock) {
        if (gatheringState != IceGatheringState.GATHERING) {
          return;
        }
        localCandidates.add(candidate);
        post(() -> listener.onCandidate(candidate));
      }
    }

    @Override
    public void onGatheringDone() {
      IceAgent.this.onGatheringDone();
    }

    @Override
    public void onSelected(IceCandidatePair pair) {
      synchronized (lock) {
        if (state.isFinal() || pair.equals(selectedPair)) {
          return;
        }
        selectedPair = pair;
        selectedAtMillis = System.currentTimeMillis();
        post(() -> listener.onSelectedPairChange(pair));
        if (state == IceConnectionState.CHECKING) {
          setState(IceConnectionState.CONNECTED);
          maybeComplete();
        }
      }
    }

    @Override
    public void onChecksFailed() {
      synchronized (lock) {
        if (selectedPair == null && !state.isFinal()) {
          fail(IceFailureReason.CHECKS_FAILED);
        }
      }
    }
  }
}
