package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.ice.IceGatherPolicy;

/**
 * Our host harvester: binds the configured addresses (loopback included, which ice4j's own
 * harvester skips) and registers each socket with ice4j's STUN stack.
 */
final class HostHarvester implements CandidateHarvester {
  private static final System.Logger LOG = System.getLogger(HostHarvester.class.getName());

  private final List<InetAddress> addresses;
  private final IceAgentConfig config;
  private final HostSocket.Dispatcher dispatcher;
  private final Consumer<HostSocket> onBound;
  private final HarvestStatistics statistics = new HarvestStatistics();

  HostHarvester(List<InetAddress> addresses, IceAgentConfig config,
      HostSocket.Dispatcher dispatcher, Consumer<HostSocket> onBound) {
    this.addresses = addresses;
    this.config = config;
    this.dispatcher = dispatcher;
    this.onBound = onBound;
  }

  @Override
  public Collection<LocalCandidate> harvest(Component component) {
    List<LocalCandidate> found = new ArrayList<>();
    for (InetAddress address : addresses) {
      try {
        found.add(harvestOne(address, component));
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "no host candidate on " + address + ": " + e);
      }
    }
    return found;
  }

  private LocalCandidate harvestOne(InetAddress address, Component component) throws IOException {
    HostSocket socket = HostSocket.bind(
        address, config.minPort(), config.maxPort(), config.receiveBufferSize(), dispatcher);
    onBound.accept(socket);
    boolean pairable = config.gatherPolicy() == IceGatherPolicy.ALL;
    OurHostCandidate candidate = new OurHostCandidate(socket, component, pairable);
    component.addLocalCandidate(candidate);
    candidate.getStunStack().addSocket(socket.stunStackWrapper());
    socket.startReading();
    return candidate;
  }

  @Override
  public HarvestStatistics getHarvestStatistics() {
    return statistics;
  }

  @Override
  public boolean isHostHarvester() {
    return true;
  }
}
