package org.ortc4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-reader bounded queues: drop-oldest with a count, every reader gets every packet,
 * completion on close, and a subscriber that comes after close completes at once.
 */
class PacketReadersTest {
  private static final int CAPACITY = 4;
  private static final long WAIT = 10;

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Scheduler scheduler = Schedulers.from(executor);
  private final LongAdder drops = new LongAdder();
  private final PacketReaders<Integer> readers = new PacketReaders<>(CAPACITY, scheduler, drops);

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(WAIT, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aReaderThatRequestsNothingLosesItsOldestPacketsCounted() {
    TestSubscriber<Integer> reader = readers.stream().test(0); // asks for nothing yet
    // the delivery stage prefetches Flowable.bufferSize() packets, then the reader's own
    // queue holds CAPACITY: the rest pushes the oldest out of that queue
    int published = Flowable.bufferSize() + CAPACITY + 10;
    for (int i = 0; i < published; i++) {
      assertThat(readers.publish(i)).isTrue();
    }
    assertThat(drops.sum()).isEqualTo(10);

    reader.request(Long.MAX_VALUE);
    reader.awaitCount(published - 10);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < Flowable.bufferSize(); i++) {
      expected.add(i); // prefetched before the queue overflowed
    }
    for (int i = published - CAPACITY; i < published; i++) {
      expected.add(i); // the newest survive
    }
    assertThat(reader.values()).isEqualTo(expected);
  }

  @Test
  void everyReaderGetsEveryPacketAndCloseCompletesThem() {
    TestSubscriber<Integer> first = readers.stream().test();
    TestSubscriber<Integer> second = readers.stream().test();
    for (int i = 0; i < 3; i++) {
      readers.publish(i);
    }
    readers.close();

    for (TestSubscriber<Integer> reader : List.of(first, second)) {
      reader.awaitDone(WAIT, TimeUnit.SECONDS).assertValues(0, 1, 2).assertComplete()
          .assertNoErrors();
    }
    assertThat(readers.hasReaders()).isFalse();
    assertThat(readers.publish(3)).isFalse();
    assertThat(drops.sum()).isZero();
  }

  @Test
  void aSubscriberAfterCloseCompletesAtOnceOnItsOwnThread() throws InterruptedException {
    readers.close();
    executor.shutdownNow(); // nothing may need the delivery thread any more
    assertThat(executor.awaitTermination(WAIT, TimeUnit.SECONDS)).isTrue();

    readers.stream().test().assertComplete().assertNoValues().assertNoErrors();
  }

  @Test
  void publishingWithoutReadersReportsNoneAndACancelledReaderLeaves() {
    assertThat(readers.publish(1)).isFalse();
    TestSubscriber<Integer> reader = readers.stream().test();
    assertThat(readers.hasReaders()).isTrue();
    reader.cancel();

    assertThat(readers.hasReaders()).isFalse();
    assertThat(readers.publish(2)).isFalse();
  }

  @Test
  void aReaderGetsOnlyWhatWasPublishedAfterItSubscribed() {
    readers.publish(1);
    TestSubscriber<Integer> reader = readers.stream().test();
    readers.publish(2);
    readers.close();

    reader.awaitDone(WAIT, TimeUnit.SECONDS).assertValues(2).assertComplete();
  }
}
