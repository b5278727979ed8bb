package org.ortc4j.api.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ortc4j.api.RtcException;
import org.ortc4j.api.RtcTimeoutException;

/** The blocking forms of the asynchronous starts. */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code future} at most {@code timeout}.
   *
   * @return its value
   * @throws RtcException the future's own failure, unwrapped
   * @throws RtcTimeoutException when the time ran out
   * @throws IllegalStateException if the calling thread is interrupted (its flag stays set)
   */
  public static <T> T await(CompletableFuture<T> future, Duration timeout, String operation) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RtcException rtc) {
        throw rtc;
      }
      throw new IllegalStateException(operation + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new RtcTimeoutException(operation, timeout);
    } catch (CancellationException e) {
      throw new IllegalStateException(operation + " was cancelled", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + operation, e);
    }
  }
}
