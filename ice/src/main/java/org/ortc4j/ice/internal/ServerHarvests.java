package org.ortc4j.ice.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Component;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.security.LongTermCredential;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceGatherPolicy;
import org.ortc4j.ice.IceProtocol;
import org.ortc4j.ice.IceServer;
import org.ortc4j.ice.IceServerUrl;

/**
 * Runs ice4j's STUN and TURN harvesters for the configured servers, in parallel, each bounded
 * by the server timeout: ice4j's harvesters block up to 15 s when a server does not answer.
 */
final class ServerHarvests {
  private static final System.Logger LOG = System.getLogger(ServerHarvests.class.getName());

  private final IceAgentConfig config;
  private final Set<InetSocketAddress> turnServers = ConcurrentHashMap.newKeySet();
  private final List<AbandonableHarvesters.Abandonable> active = new CopyOnWriteArrayList<>();

  ServerHarvests(IceAgentConfig config) {
    this.config = config;
  }

  /** Whether {@code from} is one of the TURN servers in use. */
  boolean isTurnServer(InetSocketAddress from) {
    return !turnServers.isEmpty() && turnServers.contains(from);
  }

  /** Harvests from every server on {@code pool}; returns when all finished or timed out. */
  void harvest(Component component, ExecutorService pool) throws InterruptedException {
    List<Future<?>> running = new ArrayList<>();
    List<AbandonableHarvesters.Abandonable> started = harvesters();
    active.addAll(started);
    for (CandidateHarvester h : started) {
      running.add(pool.submit(() -> h.harvest(component)));
    }
    long deadline = System.nanoTime() + config.serverTimeout().toNanos();
    for (int i = 0; i < running.size(); i++) {
      awaitOne(running.get(i), started.get(i), deadline);
    }
  }

  /** Gives up every harvest still waiting for a server (at close). */
  void abandonAll() {
    active.forEach(AbandonableHarvesters.Abandonable::abandon);
  }

  /** Closes the TCP connections to TURN servers; after ice4j is freed. */
  void releaseAll() {
    active.forEach(AbandonableHarvesters.Abandonable::release);
  }

  private static void awaitOne(Future<?> f, AbandonableHarvesters.Abandonable h, long deadline)
      throws InterruptedException {
    try {
      f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.log(System.Logger.Level.INFO, "an ICE server did not answer in time: " + h);
      h.abandon();
    } catch (ExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "an ICE server harvest failed", e.getCause());
    }
  }

  private List<AbandonableHarvesters.Abandonable> harvesters() {
    List<AbandonableHarvesters.Abandonable> result = new ArrayList<>();
    for (IceServer server : config.iceServers()) {
      for (IceServerUrl url : server.parsedUrls()) {
        AbandonableHarvesters.Abandonable h = harvester(server, url);
        if (h != null) {
          result.add(h);
        }
      }
    }
    return result;
  }

  private AbandonableHarvesters.Abandonable harvester(IceServer server, IceServerUrl url) {
    TransportAddress address = new TransportAddress(url.host(), url.port(), Transport.UDP);
    if (!url.turn()) {
      return config.gatherPolicy() == IceGatherPolicy.ALL
          ? AbandonableHarvesters.stun(address) : null;
    }
    LongTermCredential credential =
        new LongTermCredential(server.username(), server.credential());
    boolean relayOnly = config.gatherPolicy() == IceGatherPolicy.RELAY;
    if (url.protocol() == IceProtocol.TCP) {
      return AbandonableHarvesters.turnOverTcp(
          address, credential, relayOnly, config.serverTimeout());
    }
    turnServers.add(new InetSocketAddress(address.getAddress(), address.getPort()));
    return AbandonableHarvesters.turn(address, credential, relayOnly);
  }
}
