package org.ortc4j.ice.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.ErrorCodeAttribute;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.StunCandidateHarvest;
import org.ice4j.ice.harvest.StunCandidateHarvester;
import org.ice4j.ice.harvest.TurnCandidateHarvest;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.security.LongTermCredential;

/**
 * ice4j's STUN and TURN harvesters, made abandonable: ice4j's {@code harvest} waits,
 * uninterruptibly, until every request to the server succeeded or ran out of retransmissions
 * (~9.5 s for a silent server). Abandoning completes each pending harvest as a failure, which
 * releases that wait at our server timeout or at close.
 */
final class AbandonableHarvesters {
  private AbandonableHarvesters() {}

  /** A harvester whose pending harvests can be given up. */
  interface Abandonable extends CandidateHarvester {
    /** Ends every harvest still waiting for the server, as failed. */
    void abandon();

    /** Closes what the harvester opened itself (TCP connections); at agent close. */
    default void release() {}
  }

  /** What a given-up harvest is completed with: a failure that triggers no retry. */
  private static boolean abandon(StunCandidateHarvest harvest, Completer completer) {
    Request notAllocate = MessageFactory.createBindingRequest();
    Response failure = MessageFactory.createBindingErrorResponse(ErrorCodeAttribute.SERVER_ERROR);
    return completer.complete(notAllocate, failure);
  }

  private interface Completer {
    boolean complete(Request request, Response response);
  }

  static Abandonable stun(TransportAddress server) {
    return new Stun(server);
  }

  /**
   * A TURN harvester; with {@code relayOnly} it keeps no server-reflexive candidate from the
   * Allocate answer, since ice4j would pair it (from our host socket) with remote candidates.
   */
  static Abandonable turn(
      TransportAddress server, LongTermCredential credential, boolean relayOnly) {
    return new Turn(server, credential, relayOnly);
  }

  /**
   * A TURN harvester that reaches the server over TCP ({@code ?transport=tcp}), connecting
   * within {@code connectTimeout}; the relay it allocates is UDP, as with {@link #turn}.
   * {@code server} is given as UDP: to ice4j our connection is a datagram socket.
   */
  static Abandonable turnOverTcp(TransportAddress server, LongTermCredential credential,
      boolean relayOnly, Duration connectTimeout) {
    return new TcpTurn(server, credential, relayOnly, connectTimeout);
  }

  private static final class Stun extends StunCandidateHarvester implements Abandonable {
    private final List<Harvest> harvests = new CopyOnWriteArrayList<>();

    Stun(TransportAddress server) {
      super(server);
    }

    @Override
    protected StunCandidateHarvest createHarvest(HostCandidate hostCandidate) {
      Harvest h = new Harvest(this, hostCandidate);
      harvests.add(h);
      return h;
    }

    @Override
    public void abandon() {
      harvests.forEach(Harvest::abandon);
    }

    private static final class Harvest extends StunCandidateHarvest {
      Harvest(StunCandidateHarvester harvester, HostCandidate host) {
        super(harvester, host);
      }

      void abandon() {
        AbandonableHarvesters.abandon(this, this::completedResolvingCandidate);
      }
    }
  }

  private static class Turn extends TurnCandidateHarvester implements Abandonable {
    private final List<Harvest> harvests = new CopyOnWriteArrayList<>();
    private final boolean relayOnly;

    Turn(TransportAddress server, LongTermCredential credential, boolean relayOnly) {
      super(server, credential);
      this.relayOnly = relayOnly;
    }

    @Override
    protected TurnCandidateHarvest createHarvest(HostCandidate hostCandidate) {
      Harvest h = new Harvest(this, hostCandidate, relayOnly);
      harvests.add(h);
      return h;
    }

    @Override
    public void abandon() {
      harvests.forEach(Harvest::abandon);
    }

    private static final class Harvest extends TurnCandidateHarvest {
      private final boolean relayOnly;

      Harvest(TurnCandidateHarvester harvester, HostCandidate host, boolean relayOnly) {
        super(harvester, host);
        this.relayOnly = relayOnly;
      }

      @Override
      protected void createServerReflexiveCandidate(Response response) {
        if (!relayOnly) {
          super.createServerReflexiveCandidate(response);
        }
      }

      void abandon() {
        AbandonableHarvesters.abandon(this, this::completedResolvingCandidate);
      }
    }
  }

  /**
   * Replaces ice4j's TCP path (a blocking connect without timeout, and RFC 4571 framing that a
   * TURN server does not speak) with our {@link TurnTcpConnection}, one per host candidate.
   */
  private static final class TcpTurn extends Turn {
    private static final System.Logger LOG = System.getLogger(TcpTurn.class.getName());

    private final Duration connectTimeout;
    private final List<TurnTcpConnection> connections = new CopyOnWriteArrayList<>();
    private volatile boolean abandoned;

    TcpTurn(TransportAddress server, LongTermCredential credential, boolean relayOnly,
        Duration connectTimeout) {
      super(server, credential, relayOnly);
      this.connectTimeout = connectTimeout;
    }

    /** Called by ice4j for each host candidate that can reach the server: our base instead. */
    @Override
    protected HostCandidate getHostCandidate(HostCandidate hostCandidate) {
      Component component = hostCandidate.getParentComponent();
      TurnTcpConnection connection;
      try {
        connection = connectUnshadowed(component);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.INFO, "no TCP connection to TURN server " + stunServer
            + ": " + e.getMessage());
        return null;
      }
      TurnTcpBaseCandidate base = new TurnTcpBaseCandidate(connection, component);
      getStunStack().addSocket(base.getStunSocket(null));
      return base;
    }

    /**
     * Connects, again if the TCP port equals one of our UDP candidates' ports on the same
     * address: ice4j's STUN stack knows sockets by address and port only, and would send this
     * connection's requests through that UDP socket.
     */
    private TurnTcpConnection connectUnshadowed(Component component) throws IOException {
      for (int attempt = 0; ; attempt++) {
        TurnTcpConnection connection = new TurnTcpConnection(
            new InetSocketAddress(stunServer.getAddress(), stunServer.getPort()));
        connections.add(connection);
        try {
          connect(connection);
        } catch (IOException e) {
          connection.close();
          throw e;
        }
        InetSocketAddress local = connection.localAddress();
        TransportAddress asUdp =
            new TransportAddress(local.getAddress(), local.getPort(), Transport.UDP);
        if (component.findLocalCandidate(asUdp) == null) {
          return connection;
        }
        connection.close();
        if (attempt == 2) {
          throw new IOException("every TCP port we got is also one of our UDP ports");
        }
      }
    }

    /** Connects unless given up; given up during the connect, nothing is allocated late. */
    private void connect(TurnTcpConnection connection) throws IOException {
      if (abandoned) {
        throw new IOException("given up before connecting");
      }
      connection.connect(connectTimeout);
      if (abandoned) {
        throw new IOException("given up while connecting");
      }
    }

    @Override
    public void abandon() {
      abandoned = true;
      super.abandon();
    }

    @Override
    public void release() {
      abandoned = true;
      connections.forEach(TurnTcpConnection::close);
    }

    @Override
    public String toString() {
      return "TURN over TCP harvester(" + stunServer + ")";
    }
  }
}
