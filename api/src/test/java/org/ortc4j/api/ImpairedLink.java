package org.ortc4j.api;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.ortc4j.api.internal.PacketClass;
import org.ortc4j.ice.IceCandidate;

/**
 * A test device, not a fake of anything: a UDP relay on 127.0.0.1 that stands between two peers
 * and impairs what crosses it, seeded so that a run can be repeated. Peer A is given {@link
 * #candidateForA()} as B's only candidate, B {@link #candidateForB()} as A's; the relay sends
 * each side's datagrams on from the socket the other side was told about, so every source
 * matches a signalled candidate.
 *
 * <p>Per direction: random loss, duplication, delay with jitter (which reorders), a blackhole
 * switch and a drop rule; counters by packet class. One thread per socket receives; one
 * scheduler thread sends what is delayed. {@link #close()} frees all three.
 */
final class ImpairedLink implements AutoCloseable {
  /** Which way a datagram travels. */
  enum Direction { A_TO_B, B_TO_A }

  private final DatagramSocket facingA;
  private final DatagramSocket facingB;
  private final InetSocketAddress addressA;
  private final InetSocketAddress addressB;
  private final ScheduledExecutorService scheduler;
  private final Thread[] readers = new Thread[2];
  final Impairment aToB;
  final Impairment bToA;

  /**
   * @param a peer A's host candidate; {@code b} peer B's
   * @param seed the seed of both directions' randomness
   */
  ImpairedLink(IceCandidate a, IceCandidate b, long seed) throws SocketException {
    InetAddress loopback = TestPeer.loopback();
    facingA = new DatagramSocket(new InetSocketAddress(loopback, 0));
    facingB = new DatagramSocket(new InetSocketAddress(loopback, 0));
    facingA.setReceiveBufferSize(1 << 22);
    facingB.setReceiveBufferSize(1 << 22);
    addressA = new InetSocketAddress(a.address(), a.port());
    addressB = new InetSocketAddress(b.address(), b.port());
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "impaired-link"));
    aToB = new Impairment(Direction.A_TO_B, new Random(seed));
    bToA = new Impairment(Direction.B_TO_A, new Random(seed * 31 + 7));
    readers[0] = relay(facingA, facingB, addressB, aToB);
    readers[1] = relay(facingB, facingA, addressA, bToA);
  }

  /** What A is told B's candidate is. */
  IceCandidate candidateForA() {
    return IceCandidate.udpHost("relayb", facingA.getLocalAddress().getHostAddress(),
        facingA.getLocalPort());
  }

  /** What B is told A's candidate is. */
  IceCandidate candidateForB() {
    return IceCandidate.udpHost("relaya", facingB.getLocalAddress().getHostAddress(),
        facingB.getLocalPort());
  }

  /** Both directions. */
  void impairBoth(java.util.function.Consumer<Impairment> setting) {
    setting.accept(aToB);
    setting.accept(bToA);
  }

  private Thread relay(DatagramSocket in, DatagramSocket out, InetSocketAddress to,
      Impairment impairment) {
    Thread thread = new Thread(() -> {
      byte[] buf = new byte[2048];
      DatagramPacket packet = new DatagramPacket(buf, buf.length);
      while (!in.isClosed()) {
        try {
          packet.setLength(buf.length);
          in.receive(packet);
        } catch (IOException closed) {
          return;
        }
        byte[] data = Arrays.copyOf(buf, packet.getLength());
        impairment.onDatagram(data, copy -> send(out, to, copy));
      }
    }, "impaired-link-" + impairment.direction);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void send(DatagramSocket out, InetSocketAddress to, byte[] data) {
    try {
      out.send(new DatagramPacket(data, data.length, to));
    } catch (IOException closed) {
      // the link is closing
    }
  }

  @Override
  public void close() throws InterruptedException {
    facingA.close();
    facingB.close();
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
    for (Thread reader : readers) {
      reader.join(5000);
    }
  }

  /** One direction's impairments and counters. Settings may change while traffic flows. */
  final class Impairment {
    final Direction direction;
    private final Random random;
    volatile double loss;
    volatile double duplication;
    volatile long delayMillis;
    volatile long jitterMillis;
    volatile boolean blackhole;
    /** Drops a datagram when it answers true: (datagram, how many of its class came before). */
    volatile BiPredicate<byte[], Long> dropRule = (data, seen) -> false;
    /** Sees each datagram that goes on (once, however many copies go). */
    volatile java.util.function.Consumer<byte[]> onForward = data -> { };
    final AtomicLong[] received = counters();
    final AtomicLong[] lost = counters();
    final AtomicLong[] extraCopies = counters();

    Impairment(Direction direction, Random random) {
      this.direction = direction;
      this.random = random;
    }

    Impairment loss(double probability) {
      this.loss = probability;
      return this;
    }

    Impairment duplication(double probability) {
      this.duplication = probability;
      return this;
    }

    Impairment delay(long millis, long jitter) {
      this.delayMillis = millis;
      this.jitterMillis = jitter;
      return this;
    }

    long received(PacketClass type) {
      return received[type.ordinal()].get();
    }

    long lost(PacketClass type) {
      return lost[type.ordinal()].get();
    }

    long extraCopies(PacketClass type) {
      return extraCopies[type.ordinal()].get();
    }

    /** Runs on this direction's reader thread only: the random draws stay in order. */
    void onDatagram(byte[] data, java.util.function.Consumer<byte[]> forward) {
      PacketClass type = PacketClass.of(data, 0, data.length);
      long seen = received[type.ordinal()].getAndIncrement();
      if (blackhole || dropRule.test(data, seen) || random.nextDouble() < loss) {
        lost[type.ordinal()].incrementAndGet();
        return;
      }
      onForward.accept(data);
      int copies = random.nextDouble() < duplication ? 2 : 1;
      extraCopies[type.ordinal()].addAndGet(copies - 1);
      for (int i = 0; i < copies; i++) {
        long delay = delayMillis + (jitterMillis > 0 ? random.nextLong(jitterMillis + 1) : 0);
        if (delay == 0) {
          forward.accept(data);
        } else {
          scheduler.schedule(() -> forward.accept(data), delay, TimeUnit.MILLISECONDS);
        }
      }
    }

    private static AtomicLong[] counters() {
      AtomicLong[] counters = new AtomicLong[PacketClass.values().length];
      for (int i = 0; i < counters.length; i++) {
        counters[i] = new AtomicLong();
      }
      return counters;
    }
  }
}
