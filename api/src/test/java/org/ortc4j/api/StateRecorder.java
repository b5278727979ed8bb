package org.ortc4j.api;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every value a state stream emits, and waits (bounded) for one. */
final class StateRecorder<T> implements AutoCloseable {
  private final List<T> values = new ArrayList<>();
  private final Disposable subscription;
  private boolean completed;

  StateRecorder(Observable<T> states) {
    subscription = states.subscribe(this::add, this::error, this::complete);
  }

  private synchronized void add(T value) {
    values.add(value);
    notifyAll();
  }

  private synchronized void error(Throwable e) {
    values.add(null); // a state stream must never error: the null makes every assertion fail
    notifyAll();
  }

  private synchronized void complete() {
    completed = true;
    notifyAll();
  }

  synchronized List<T> values() {
    return List.copyOf(values);
  }

  synchronized boolean completed() {
    return completed;
  }

  /** Waits until a recorded value matches; returns whether one did in time. */
  synchronized boolean await(Predicate<T> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (values.stream().noneMatch(v -> v != null && wanted.test(v))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  boolean await(T wanted, Duration timeout) throws InterruptedException {
    return await(wanted::equals, timeout);
  }

  /** Waits until the stream completes. */
  synchronized boolean awaitCompletion(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!completed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  @Override
  public void close() {
    subscription.dispose();
  }
}
