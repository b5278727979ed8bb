package org.ortc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP transport: datagrams both ways, timeouts, and close waking a blocked receive. */
class UdpPacketTransportTest {
  private UdpPacketTransport a;
  private UdpPacketTransport b;

  @BeforeEach
  void open() throws Exception {
    UdpPacketTransport[] pair = UdpHandshakeTest.connectedPair();
    a = pair[0];
    b = pair[1];
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void carriesDatagramsBothWays() throws IOException {
    a.send(new byte[] {0, 1, 2, 3}, 1, 2);
    byte[] buf = new byte[10];

    assertThat(b.receive(buf, 3, 7, 5000)).isEqualTo(2);
    assertThat(buf).startsWith(0, 0, 0, 1, 2);
    b.send(new byte[] {5}, 0, 1);
    assertThat(a.receive(buf, 0, buf.length, 5000)).isEqualTo(1);
    assertThat(a.remoteAddress()).isEqualTo(b.localAddress());
  }

  @Test
  void receiveTimesOutWithMinusOne() throws IOException {
    assertThat(a.receive(new byte[10], 0, 10, 20)).isEqualTo(-1);
    assertThat(a.receive(new byte[10], 0, 10, 0)).isEqualTo(-1);
  }

  @Test
  void closeEndsABlockedReceive() throws Exception {
    CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
      try {
        return a.receive(new byte[10], 0, 10, 60_000);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    a.send(new byte[1], 0, 1); // b ignores it; proves a is up before it is closed

    a.close();

    assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> a.send(new byte[1], 0, 1)).isInstanceOf(IOException.class);
  }
}
