package org.ortc4j.api.internal;

import io.reactivex.rxjava3.core.BackpressureOverflowStrategy;
import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableEmitter;
import io.reactivex.rxjava3.core.Scheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The readers of one kind of packet (one SSRC's RTP, or RTCP): each subscriber gets every
 * packet through its own bounded queue, delivered on the media scheduler, never on the ICE
 * read loop. When a queue is full the oldest packet in it is dropped and counted, so a slow
 * reader costs only its own packets.
 *
 * @param <T> the packet type
 */
public final class PacketReaders<T> {
  private final List<FlowableEmitter<T>> emitters = new CopyOnWriteArrayList<>();
  private final int capacity;
  private final Scheduler scheduler;
  private final LongAdder drops;
  private volatile boolean closed;

  /**
   * @param capacity each reader's queue
   * @param scheduler where readers are called
   * @param drops counts what full queues drop
   */
  public PacketReaders(int capacity, Scheduler scheduler, LongAdder drops) {
    this.capacity = capacity;
    this.scheduler = scheduler;
    this.drops = drops;
  }

  /**
   * A stream that gets the packets from its subscription on, until {@link #close()}; one
   * subscribed after close completes at once, on the subscribing thread (the media threads may
   * be gone by then).
   */
  public Flowable<T> stream() {
    Flowable<T> live = Flowable.<T>create(this::register, BackpressureStrategy.MISSING)
        .onBackpressureBuffer(capacity, drops::increment, BackpressureOverflowStrategy.DROP_OLDEST)
        .observeOn(scheduler);
    return Flowable.defer(() -> closed ? Flowable.<T>empty() : live);
  }

  private void register(FlowableEmitter<T> emitter) {
    // the read loop publishes while close() completes from another thread
    FlowableEmitter<T> serialized = emitter.serialize();
    emitters.add(serialized);
    emitter.setCancellable(() -> emitters.remove(serialized));
    if (closed) { // close() ran between the check in stream() and the add above
      emitters.remove(serialized);
      serialized.onComplete();
    }
  }

  /** Whether anyone reads. */
  public boolean hasReaders() {
    return !emitters.isEmpty();
  }

  /** Hands {@code packet} to every reader; returns whether there was one. Never blocks. */
  public boolean publish(T packet) {
    boolean any = false;
    for (FlowableEmitter<T> emitter : emitters) {
      emitter.onNext(packet);
      any = true;
    }
    return any;
  }

  /** Completes every stream; later subscribers complete at once. */
  public void close() {
    closed = true;
    for (FlowableEmitter<T> emitter : emitters) {
      emitter.onComplete();
    }
    emitters.clear();
  }
}
