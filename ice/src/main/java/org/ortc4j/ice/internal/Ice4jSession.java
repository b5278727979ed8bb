package org.ortc4j.ice.internal;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RelayedCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceGatherPolicy;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceRole;

/**
 * Everything that touches ice4j for one agent: one ice4j {@code Agent} with one stream and one
 * component, our host sockets, the server harvests. Methods other than the getters run on the
 * owning agent's control thread, one at a time; ice4j's events come back through {@link
 * Callbacks}.
 */
public final class Ice4jSession {
  private static final System.Logger LOG = System.getLogger(Ice4jSession.class.getName());
  private static final String STREAM = "ortc4j";

  /** What the session reports to its {@code IceAgent}. */
  public interface Callbacks {
    /** A local candidate to signal. */
    void onLocalCandidate(IceCandidate candidate);

    /** Gathering finished (every server answered or timed out). */
    void onGatheringDone();

    /** ice4j selected a pair (or changed it). */
    void onSelected(IceCandidatePair pair);

    /** ice4j failed every pair. */
    void onChecksFailed();
  }

  private final IceAgentConfig config;
  private final Callbacks callbacks;
  private final AgentConnection connection;
  private final Agent agent;
  private final IceMediaStream stream;
  private final ServerHarvests servers;
  private final List<HostSocket> sockets = new CopyOnWriteArrayList<>();
  private final List<IceCandidate> pendingRemote = new ArrayList<>();
  private final Set<LocalCandidate> reported = new HashSet<>();
  private volatile Component component;
  private volatile CandidatePair selected;
  private boolean checksStarted;
  private final Object socketsLock = new Object();
  private boolean checksOpen; // guarded by socketsLock

  /** Creates the ice4j agent (no sockets yet) with our local parameters. */
  public Ice4jSession(IceAgentConfig config, IceParameters local, Callbacks callbacks,
      AgentConnection connection) {
    this.config = config;
    this.callbacks = callbacks;
    this.connection = connection;
    this.servers = new ServerHarvests(config);
    this.agent = new ParameterizedAgent(local);
    agent.setTrickling(true);
    agent.setUseDynamicPorts(false);
    agent.setPerformConsentFreshness(true);
    config.tieBreaker().ifPresent(agent::setTieBreaker);
    stream = agent.createMediaStream(STREAM);
    agent.addStateChangeListener(this::onIce4jState);
  }

  /** The live role, after any role conflict. */
  public IceRole role() {
    return agent.isControlling() ? IceRole.CONTROLLING : IceRole.CONTROLLED;
  }

  /** Binds the host sockets and reports host candidates; the servers are asked on {@code pool}. */
  public void gatherHosts(ExecutorService pool) throws IOException {
    HostHarvester harvester = new HostHarvester(hostAddresses(), config, dispatcher(), this::addSocket);
    agent.addCandidateHarvester(harvester);
    component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
    reportNewCandidates();
    pool.execute(() -> gatherFromServers(pool));
  }

  private void addSocket(HostSocket socket) {
    synchronized (socketsLock) {
      sockets.add(socket);
      if (checksOpen) {
        socket.startChecks();
      }
    }
  }

  private List<InetAddress> hostAddresses() throws SocketException {
    Optional<List<InetAddress>> configured = config.hostAddresses();
    return configured.isPresent() ? configured.get() : Addresses.usableInterfaceAddresses();
  }

  private HostSocket.Dispatcher dispatcher() {
    return new HostSocket.Dispatcher() {
      @Override
      public void onDatagram(HostSocket socket, byte[] buf, int len, InetSocketAddress from) {
        connection.onHostDatagram(socket, buf, len, from);
      }

      @Override
      public boolean isTurnServer(InetSocketAddress from) {
        return servers.isTurnServer(from);
      }

      @Override
      public void onStunOverflow() {
        connection.countStunOverflow();
      }
    };
  }

  private void gatherFromServers(ExecutorService pool) {
    try {
      servers.harvest(component, pool);
      reportNewCandidates();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closed while gathering
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "server harvest failed", e);
    }
    callbacks.onGatheringDone();
  }

  private synchronized void reportNewCandidates() {
    for (LocalCandidate c : component.getLocalCandidates()) {
      if (reported.add(c) && isSignalled(c)) {
        callbacks.onLocalCandidate(Candidates.toRecord(c));
      }
    }
  }

  private boolean isSignalled(LocalCandidate c) {
    if (config.gatherPolicy() == IceGatherPolicy.RELAY) {
      return c.getType() == CandidateType.RELAYED_CANDIDATE;
    }
    return true;
  }

  /** Remote candidates are queued until the checks start, then trickled into ice4j. */
  public void addRemote(IceCandidate candidate) {
    if (!checksStarted) {
      pendingRemote.add(candidate);
      return;
    }
    Candidates.toRemote(candidate, component).ifPresent(rc -> {
      component.addUpdateRemoteCandidates(rc);
      component.updateRemoteCandidates();
    });
  }

  /** Sets the role and the remote parameters, adds the queued candidates, starts the checks. */
  public void startChecks(IceRole role, IceParameters remote) {
    agent.setControlling(role == IceRole.CONTROLLING);
    stream.setRemoteUfrag(remote.usernameFragment());
    stream.setRemotePassword(remote.password());
    for (IceCandidate c : pendingRemote) {
      Candidates.toRemote(c, component).ifPresent(component::addRemoteCandidate);
    }
    pendingRemote.clear();
    checksStarted = true;
    agent.startConnectivityEstablishment();
    openChecks();
  }

  /** The role is known: the peer's early checks may go to ice4j now. */
  private void openChecks() {
    synchronized (socketsLock) {
      checksOpen = true;
      sockets.forEach(HostSocket::startChecks);
    }
  }

  private void onIce4jState(PropertyChangeEvent event) {
    IceProcessingState state = (IceProcessingState) event.getNewValue();
    if (state == IceProcessingState.COMPLETED || state == IceProcessingState.TERMINATED) {
      pollSelectedPair();
    } else if (state == IceProcessingState.FAILED) {
      callbacks.onChecksFailed();
    }
  }

  /** Reports the selected pair if it changed; called on ice4j events and by the supervisor. */
  public synchronized void pollSelectedPair() {
    Component c = component;
    CandidatePair pair = c == null ? null : c.getSelectedPair();
    if (pair == null || pair == selected) {
      return;
    }
    selected = pair;
    selectPath(pair);
    callbacks.onSelected(new IceCandidatePair(
        Candidates.toRecord(pair.getLocalCandidate()),
        Candidates.toRecord(pair.getRemoteCandidate())));
  }

  private void selectPath(CandidatePair pair) {
    LocalCandidate local = pair.getLocalCandidate();
    RemoteCandidate remote = pair.getRemoteCandidate();
    InetSocketAddress to = remote.getTransportAddress();
    if (local instanceof RelayedCandidate relay) {
      connection.selectRelay(relay.getCandidateIceSocketWrapper().getUDPSocket(), to);
    } else if (local.getBase() instanceof OurHostCandidate host) {
      connection.selectHost(host.hostSocket(), to);
    } else {
      LOG.log(System.Logger.Level.WARNING, "selected pair has an unknown local socket: " + pair);
    }
  }

  /** When the selected pair last answered a consent check, in epoch ms; -1 when never. */
  public long lastConsentMillis() {
    CandidatePair pair = selected;
    return pair == null ? -1 : pair.getConsentFreshness();
  }

  /**
   * Closes the relayed sockets before {@code free()}: ice4j's STUN stack shutdown closes them
   * while holding its connector map, and a relayed socket's send thread holds its queue while
   * waiting for that map, a deadlock; closed first, they are skipped by the shutdown.
   */
  private void closeRelayedSockets() {
    Component c = component;
    if (c == null) {
      return;
    }
    for (LocalCandidate candidate : c.getLocalCandidates()) {
      if (candidate instanceof RelayedCandidate relay) {
        try {
          relay.getCandidateIceSocketWrapper().close();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.DEBUG, "closing a relayed socket failed", e);
        }
      }
    }
  }

  /** Frees the ice4j agent and closes our sockets. */
  public void close() {
    servers.abandonAll();
    closeRelayedSockets();
    try {
      agent.free();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "ice4j free failed", e);
    }
    servers.releaseAll();
    for (HostSocket s : sockets) {
      s.close();
    }
    sockets.clear();
  }
}
