package org.ortc4j.api.internal;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A value with an {@link Observable} of its changes, shared by every stateful ORTC object.
 *
 * <p>The rules (design.md §2): a new subscriber gets the current value at once; a value equal to
 * the current one is not emitted again; the stream never errors; emission happens outside every
 * lock of the owner, in the order the changes were made, so a subscriber may call the owner
 * back (even {@code stop()}) without deadlocking. A subscriber's call that changes the value
 * again is queued and emitted after the subscriber returns (a serialized drain loop).
 *
 * <p>The stream completes right after a value the {@code last} predicate accepts (a final
 * state such as CLOSED), so {@code blockingSubscribe} returns; a late subscriber still gets
 * that final value, then completion. The subject itself is never terminated, because a
 * terminated {@code BehaviorSubject} forgets its value.
 *
 * @param <T> the value type
 */
public final class StateCell<T> {
  private final BehaviorSubject<T> subject;
  private final Predicate<T> last;
  private final Object lock = new Object();
  private final ArrayDeque<T> pending = new ArrayDeque<>();
  private T current; // guarded by lock
  private boolean draining; // guarded by lock

  /**
   * @param initial the first value
   * @param last which values end the stream
   */
  public StateCell(T initial, Predicate<T> last) {
    this.current = Objects.requireNonNull(initial, "initial");
    this.last = last;
    this.subject = BehaviorSubject.createDefault(initial);
  }

  /** The latest value set (it may not have been emitted yet). */
  public T get() {
    synchronized (lock) {
      return current;
    }
  }

  /**
   * Sets the value if the owner's transition rule allows it.
   *
   * @param allowed decides from the current value whether the change may happen
   * @param next the new value
   * @return whether the value changed; emission follows (outside the caller's locks only if the
   *     caller holds none: call {@link #drain()} after releasing them, or use {@link #set})
   */
  public boolean compareAndSetQueued(Predicate<T> allowed, T next) {
    Objects.requireNonNull(next, "next");
    synchronized (lock) {
      if (next.equals(current) || !allowed.test(current)) {
        return false;
      }
      current = next;
      pending.add(next);
      return true;
    }
  }

  /** {@link #compareAndSetQueued} then {@link #drain()}: never call it holding a lock. */
  public boolean compareAndSet(Predicate<T> allowed, T next) {
    boolean changed = compareAndSetQueued(allowed, next);
    drain();
    return changed;
  }

  /** Sets the value unless it is already current, and emits it. Never call it holding a lock. */
  public boolean set(T next) {
    return compareAndSet(any -> true, next);
  }

  /** Emits what was queued, unless another thread is emitting already (it will emit it). */
  public void drain() {
    while (true) {
      T next;
      synchronized (lock) {
        if (draining || pending.isEmpty()) {
          return;
        }
        draining = true;
        next = pending.poll();
      }
      try {
        subject.onNext(next);
      } finally {
        synchronized (lock) {
          draining = false;
        }
      }
    }
  }

  /** The current value, then every change, completing after a final value. */
  public Observable<T> observe() {
    io.reactivex.rxjava3.functions.Predicate<T> isLast = last::test;
    return subject.takeUntil(isLast);
  }
}
