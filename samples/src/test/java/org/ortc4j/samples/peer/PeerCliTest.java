package org.ortc4j.samples.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ortc4j.api.DtlsTransportRole;
import org.ortc4j.samples.signal.EventJson;
import org.ortc4j.samples.signal.Signal;

/**
 * The peer CLI contract (shared/signal.md), two peers run in-process with their first stdout
 * line wired to the other's stdin, as the interop driver does with processes.
 */
@Timeout(60)
class PeerCliTest {

  @ParameterizedTest(name = "A {0} dtls {1}, B {2} dtls {3}")
  @CsvSource({
      "controlling, auto, controlled, auto, server, client",
      "controlled, auto, controlling, auto, client, server",
      "controlling, client, controlled, auto, client, server",
      "controlling, server, controlled, auto, server, client",
      "controlled, server, controlling, client, server, client",
  })
  void twoPeersConnectExchangeFiftyPacketsAndRtcpAndExitZero(String iceA, String dtlsA,
      String iceB, String dtlsB, String roleA, String roleB) throws Exception {
    RunningPeer a = RunningPeer.start("--ice-role", iceA, "--dtls-role", dtlsA, "--ssrc", "1111");
    RunningPeer b = RunningPeer.start("--ice-role", iceB, "--dtls-role", dtlsB, "--ssrc", "2222");
    String signalA = a.lines.poll(20, TimeUnit.SECONDS);
    String signalB = b.lines.poll(20, TimeUnit.SECONDS);
    a.answer(signalB);
    b.answer(signalA);

    assertThat(a.exit.get(40, TimeUnit.SECONDS)).as(a.describe()).isZero();
    assertThat(b.exit.get(40, TimeUnit.SECONDS)).as(b.describe()).isZero();

    Signal parsedA = Signal.parse(signalA);
    assertThat(parsedA.dtlsParameters().role())
        .isEqualTo(DtlsTransportRole.fromSignalName(dtlsA));
    assertThat(parsedA.iceRole()).hasToString(iceA.toUpperCase());
    assertThat(parsedA.iceCandidates()).isNotEmpty()
        .allSatisfy(c -> assertThat(c.address()).isEqualTo("127.0.0.1"));
    a.assertCompleteRun(roleA, iceA, 2222);
    b.assertCompleteRun(roleB, iceB, 1111);
  }

  @Test
  void aRemoteThatNeverAnswersEndsInTimeoutWithExitTwo() throws Exception {
    RunningPeer a = RunningPeer.start("--ice-role", "controlling", "--timeout", "2");
    assertThat(a.exit.get(20, TimeUnit.SECONDS)).isEqualTo(PeerCli.EXIT_TIMEOUT);
    List<Map<String, Object>> events = a.events();
    assertThat(events.get(events.size() - 1)).containsEntry("event", "timeout")
        .containsEntry("phase", "waiting for the remote signal on stdin");
  }

  @Test
  void aSignalThatIsNotASignalIsAnErrorWithExitOne() throws Exception {
    RunningPeer a = RunningPeer.start("--ice-role", "controlled");
    assertThat(a.lines.poll(20, TimeUnit.SECONDS)).startsWith("{\"iceParameters\"");
    a.answer("{\"iceParameters\":{\"usernameFragment\":\"abcd\"}}");
    assertThat(a.exit.get(20, TimeUnit.SECONDS)).isEqualTo(PeerCli.EXIT_ERROR);
    Map<String, Object> last = a.events().get(a.events().size() - 1);
    assertThat(last).containsEntry("event", "error");
    assertThat((String) last.get("message")).contains("iceParameters.password is missing");
  }

  @Test
  void stdinClosedBeforeASignalIsAnError() throws Exception {
    RunningPeer a = RunningPeer.start("--ice-role", "controlled");
    a.lines.poll(20, TimeUnit.SECONDS);
    a.stdin.close();
    assertThat(a.exit.get(20, TimeUnit.SECONDS)).isEqualTo(PeerCli.EXIT_ERROR);
    assertThat(a.events().get(a.events().size() - 1)).containsEntry("event", "error");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "--ssrc 7;--ice-role controlling|controlled is required",
      "--ice-role both;--ice-role must be controlling or controlled",
      "--ice-role controlling --count 0;--count must be 1 to 65535, got 0",
      "--ice-role controlling --srtp gcm,null;--srtp: unknown profile \"null\"",
      "--ice-role controlling --addr localhost;--addr takes IP addresses, got \"localhost\"",
      "--ice-role controlling --frobnicate 1;unknown flag --frobnicate",
      "--ice-role;--ice-role needs a value",
  })
  void badFlagsAreAnErrorEventAndExitOneBeforeAnySocketOpens(String args, String message)
      throws Exception {
    RunningPeer a = RunningPeer.start(args.split(" "));
    assertThat(a.exit.get(10, TimeUnit.SECONDS)).isEqualTo(PeerCli.EXIT_ERROR);
    assertThat(a.events()).hasSize(1);
    assertThat(a.events().get(0)).containsEntry("event", "error").containsEntry("message", message);
  }

  @Test
  void srtpNamesShortAndFullPickTheProfilesInOrder() {
    assertThat(PeerOptions.parse("--ice-role", "controlled", "--srtp",
        "cm,SRTP_AEAD_AES_256_GCM,aead_aes_128_gcm,cm32,cm").srtpProfiles())
        .extracting(Enum::name)
        .containsExactly("AES128_CM_HMAC_SHA1_80", "AEAD_AES_256_GCM", "AEAD_AES_128_GCM",
            "AES128_CM_HMAC_SHA1_32");
  }

  /** One in-process peer: its stdout lines as they come, its stdin, its exit code. */
  static final class RunningPeer {
    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    final PipedOutputStream stdin = new PipedOutputStream();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    static RunningPeer start(String... args) throws IOException {
      RunningPeer peer = new RunningPeer();
      PipedInputStream in = new PipedInputStream(peer.stdin, 64 * 1024);
      PrintStream out = new PrintStream(new LineSplitter(peer), true, StandardCharsets.UTF_8);
      PrintStream err = new PrintStream(OutputStream.nullOutputStream());
      Thread thread = new Thread(() -> {
        try {
          peer.exit.complete(PeerCli.run(args, in, out, err, 0));
        } catch (Throwable t) {
          peer.exit.completeExceptionally(t);
        }
      }, "peer-under-test");
      thread.setDaemon(true);
      thread.start();
      return peer;
    }

    void answer(String remoteSignal) throws IOException {
      assertThat(remoteSignal).as("the other peer's line 1").isNotNull();
      stdin.write((remoteSignal + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }

    /** Every line after the signal, parsed (the signal is line 1 only when gathering worked). */
    List<Map<String, Object>> events() throws Exception {
      List<Map<String, Object>> events = new ArrayList<>();
      for (String line : List.copyOf(all)) {
        if (line.contains("\"event\"")) {
          events.add(EventJson.parse(line));
        }
      }
      return events;
    }

    void assertCompleteRun(String dtlsRole, String iceRole, long remoteSsrc) throws Exception {
      List<Map<String, Object>> events = events();
      assertThat(all.get(0)).as("line 1 is the signal").startsWith("{\"iceParameters\"");
      assertThat(events.get(events.size() - 1)).containsEntry("event", "done")
          .containsEntry("rtpReceived", 50L);
      Map<String, Object> connected = only(events, "dtls-connected");
      assertThat(connected).containsEntry("dtlsRole", dtlsRole).containsEntry("iceRole", iceRole)
          .containsEntry("tlsVersion", "DTLSv1.2")
          .containsEntry("srtpProfile", "SRTP_AEAD_AES_128_GCM")
          .containsEntry("dtlsCipher", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
          .containsKeys("selected", "msSinceRemoteSignal");
      List<Object> payloads = events.stream().filter(e -> "rtp".equals(e.get("event")))
          .peek(e -> assertThat(e).containsEntry("ssrc", remoteSsrc).containsEntry("pt", 111L))
          .map(e -> e.get("payload")).toList();
      assertThat(payloads).containsExactlyInAnyOrderElementsOf(
          IntStream.range(0, 50).mapToObj(i -> "ping " + i).toList());
      assertThat(events.stream().filter(e -> "rtp-sent".equals(e.get("event")))).hasSize(50);
      assertThat(events.stream().filter(e -> "rtcp".equals(e.get("event")))
          .map(e -> e.get("name"))).contains("RR", "PLI");
      assertThat(events.stream().map(e -> (Long) e.get("tMs")).toList()).isSorted();
      assertThat(events.stream().filter(e -> "dtls-state".equals(e.get("event")))
          .map(e -> e.get("state"))).containsExactly("new", "connecting", "connected", "closed");
    }

    String describe() {
      return String.join("\n", List.copyOf(all));
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String name) {
      List<Map<String, Object>> matching =
          events.stream().filter(e -> name.equals(e.get("event"))).toList();
      assertThat(matching).as(name).hasSize(1);
      return matching.get(0);
    }
  }

  /** Splits what the peer prints into lines. */
  private static final class LineSplitter extends OutputStream {
    private final RunningPeer peer;
    private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

    LineSplitter(RunningPeer peer) {
      this.peer = peer;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String line = current.toString(StandardCharsets.UTF_8);
        current.reset();
        peer.all.add(line);
        peer.lines.add(line);
      } else {
        current.write(b);
      }
    }
  }
}
