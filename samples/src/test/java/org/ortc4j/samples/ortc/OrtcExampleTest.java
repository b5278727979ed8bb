package org.ortc4j.samples.ortc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The copy-paste example as the README tells to run it: the base64 lines pasted across. */
class OrtcExampleTest {
  @Test
  @Timeout(60)
  void theOffererAndTheAnswererConnectWithThePastedSignalsAndHearEachOther() throws Exception {
    Side offerer = new Side(true);
    Side answerer = new Side(false);

    answerer.paste(offerer.signal.get(20, TimeUnit.SECONDS));
    offerer.paste(answerer.signal.get(20, TimeUnit.SECONDS));
    offerer.done.get(40, TimeUnit.SECONDS);
    answerer.done.get(40, TimeUnit.SECONDS);

    assertThat(offerer.text()).contains("connected as DTLS SERVER",
        "received: hello from the answerer 0", "received: hello from the answerer 1",
        "DTLS state: CLOSED");
    assertThat(answerer.text()).contains("connected as DTLS CLIENT",
        "received: hello from the offerer 0", "received: hello from the offerer 1");
  }

  /** One process's worth: its printed lines, its stdin, the base64 line it asks to paste. */
  private static final class Side {
    final CompletableFuture<String> signal = new CompletableFuture<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PipedOutputStream stdin = new PipedOutputStream();

    Side(boolean offer) throws IOException {
      PipedInputStream in = new PipedInputStream(stdin, 64 * 1024);
      PrintStream out = new PrintStream(new OutputStream() {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
          printed.write(b);
          if (b != '\n') {
            line.write(b);
            return;
          }
          String text = line.toString(StandardCharsets.UTF_8);
          line.reset();
          if (text.startsWith("eyJ")) { // base64 of {"
            signal.complete(text);
          }
        }
      }, true, StandardCharsets.UTF_8);
      Thread thread = new Thread(() -> {
        try {
          OrtcExample.run(offer, in, out, 2);
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      }, "example-" + (offer ? "offerer" : "answerer"));
      thread.setDaemon(true);
      thread.start();
    }

    void paste(String line) throws IOException {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }

    String text() {
      synchronized (printed) {
        return printed.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
