package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits for the outcome of an asynchronous start. */
final class Outcomes {
  private Outcomes() {}

  /**
   * Waits at most {@code bound} for {@code future} to fail, and returns its error.
   *
   * @throws AssertionError if it completed normally, failed otherwise, or was still pending
   */
  static <E extends Throwable> E failure(CompletableFuture<?> future, Duration bound,
      Class<E> type) throws InterruptedException {
    try {
      future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(type);
      return type.cast(e.getCause());
    } catch (TimeoutException e) {
      fail("still pending after " + bound.toMillis() + " ms");
    }
    return fail("completed normally; a failure was expected");
  }

  /** Waits at most {@link TestPeer#WAIT} for {@code future} to complete normally. */
  static <T> T success(CompletableFuture<T> future) throws Exception {
    return future.get(TestPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
