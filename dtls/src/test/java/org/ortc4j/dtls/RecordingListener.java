package org.ortc4j.dtls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that records every event for assertions, with bounded waits. */
final class RecordingListener implements DtlsSessionListener {
  final CompletableFuture<DtlsHandshakeResult> connected = new CompletableFuture<>();
  final CompletableFuture<DtlsException> failed = new CompletableFuture<>();
  final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();
  final LinkedBlockingQueue<byte[]> data = new LinkedBlockingQueue<>();

  @Override
  public void onConnected(DtlsHandshakeResult result) {
    connected.complete(result);
  }

  @Override
  public void onFailed(DtlsException failure) {
    failed.complete(failure);
  }

  @Override
  public void onClosedByPeer() {
    closedByPeer.complete(null);
  }

  @Override
  public void onApplicationData(byte[] bytes) {
    data.add(bytes);
  }

  /** The next application data record, waiting at most 10 s. */
  byte[] nextData() throws InterruptedException {
    byte[] next = data.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no application data within 10 s");
    }
    return next;
  }
}
