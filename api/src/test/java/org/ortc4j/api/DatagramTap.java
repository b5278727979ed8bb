package org.ortc4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ortc4j.api.internal.Demultiplexer;
import org.ortc4j.api.internal.PacketClass;
import org.ortc4j.ice.IceDatagramHandler;

/**
 * Sits between a peer's ICE connection and its demultiplexer, as a wiretap on the receiving
 * side: copies every datagram it passes on, can hold back the ones a predicate picks (to delay
 * a DTLS flight, or to keep one SRTP packet from ever arriving), and records what the receiver
 * threw (ice4j would only log it).
 *
 * <p>All calls into the demultiplexer happen under this object's lock, so releasing held
 * datagrams from a test thread never runs concurrently with the read loop.
 */
final class DatagramTap implements IceDatagramHandler {
  private final Demultiplexer target;
  private final List<byte[]> passed = new ArrayList<>();
  private final List<byte[]> held = new ArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();
  private Predicate<byte[]> hold = datagram -> false;
  private boolean holding;

  private DatagramTap(Demultiplexer target) {
    this.target = target;
  }

  /** Puts a tap on {@code peer}'s receiving side. */
  static DatagramTap install(TestPeer peer) {
    DatagramTap tap = new DatagramTap(peer.ice.demultiplexer());
    peer.ice.connection().setReceiver(tap);
    return tap;
  }

  @Override
  public synchronized void onDatagram(byte[] buf, int off, int len) {
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    if (hold.test(copy) || (holding && !held.isEmpty())) {
      held.add(copy); // once one is held, later ones queue behind it to keep their order
      notifyAll();
      return;
    }
    forward(copy);
  }

  private void forward(byte[] datagram) {
    passed.add(datagram);
    try {
      target.onDatagram(datagram.clone(), 0, datagram.length);
    } catch (RuntimeException | Error e) {
      thrown.add(e);
    }
    notifyAll();
  }

  /**
   * From now on holds back every datagram {@code which} accepts.
   *
   * @param keepOrder whether datagrams arriving after a held one wait behind it
   */
  synchronized void holdWhen(Predicate<byte[]> which, boolean keepOrder) {
    this.hold = which;
    this.holding = keepOrder;
  }

  /** Stops holding and hands over, in order, what was held. */
  synchronized void release() {
    hold = datagram -> false;
    List<byte[]> waiting = new ArrayList<>(held);
    held.clear();
    waiting.forEach(this::forward);
  }

  /** The datagrams held so far (copies). */
  synchronized List<byte[]> held() {
    return List.copyOf(held);
  }

  /** Every datagram passed on so far, of {@code kind}, in arrival order. */
  synchronized List<byte[]> passed(PacketClass kind) {
    return passed.stream().filter(d -> PacketClass.of(d, 0, d.length) == kind).toList();
  }

  /** What the demultiplexer and everything behind it threw. */
  synchronized List<Throwable> thrown() {
    return List.copyOf(thrown);
  }

  /**
   * Waits until {@code count} datagrams of {@code kind} passed, or {@code timeoutMillis}.
   *
   * @return whether they did
   */
  synchronized boolean awaitPassed(PacketClass kind, int count, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (passed(kind).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** Waits until at least one datagram is held; returns whether one was in time. */
  synchronized boolean awaitHeld(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (held.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
