package org.ortc4j.samples.ortc;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ortc4j.api.DtlsTransport;
import org.ortc4j.api.IceGatherOptions;
import org.ortc4j.api.IceGatherer;
import org.ortc4j.api.IceTransport;
import org.ortc4j.api.OrtcApi;
import org.ortc4j.api.OrtcSettings;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.samples.signal.Signal;

/**
 * The ORTC example, in the style of Pion's {@code examples/ortc}: two processes, the signal
 * pasted by hand as base64. Start one with {@code --offer} (it is ICE controlling), the other
 * without; each prints its signal as one base64 line and waits for the other's on stdin. Once
 * connected, each sends an RTP packet with a text payload every second and prints what arrives.
 *
 * <pre>
 * java -cp samples/target/ortc4j-peer.jar org.ortc4j.samples.ortc.OrtcExample --offer
 * java -cp samples/target/ortc4j-peer.jar org.ortc4j.samples.ortc.OrtcExample
 * </pre>
 */
public final class OrtcExample {
  private OrtcExample() {}

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(Level.WARNING); // ice4j is chatty at INFO
    run(List.of(args).contains("--offer"), System.in, System.out, 10);
  }

  /**
   * One side of the example: prints to {@code out}, reads the pasted signal from {@code in},
   * sends {@code packets} packets one second apart, then hangs up.
   */
  static void run(boolean offer, InputStream in, PrintStream out, int packets) throws Exception {
    long ssrc = offer ? 1111 : 2222;
    OrtcApi api = OrtcApi.create(OrtcSettings.builder().loopbackOnly().build());

    // Everything needed to connect: a gatherer, an ICE transport over it, DTLS over that.
    IceGatherer gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
    IceTransport ice = api.newIceTransport(gatherer);
    DtlsTransport dtls = api.newDtlsTransport(ice);
    ice.states().subscribe(state -> out.println("ICE state: " + state));
    dtls.states().subscribe(state -> out.println("DTLS state: " + state));
    dtls.readRtp().subscribe(packet -> out.println("received: "
        + new String(packet.payload(), StandardCharsets.UTF_8)));

    // Gather, then print our signal once every candidate is known (no trickle, as in Pion's).
    var candidates = gatherer.candidates().toList().toCompletionStage().toCompletableFuture();
    gatherer.gather();
    List<IceCandidate> local = candidates.get(10, TimeUnit.SECONDS);
    IceRole role = offer ? IceRole.CONTROLLING : IceRole.CONTROLLED;
    Signal ours = new Signal(gatherer.getLocalParameters(), local, dtls.getLocalParameters(), role);
    out.println("Paste this into the other process:");
    out.println(Base64.getEncoder().encodeToString(
        ours.toJson().getBytes(StandardCharsets.UTF_8)));

    out.println("Paste the other process's signal here:");
    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
        .readLine();
    Signal theirs = Signal.parse(new String(Base64.getDecoder().decode(line.trim()),
        StandardCharsets.UTF_8));

    // Connect: ICE with the remote candidates, then DTLS-SRTP (role auto: the rule decides).
    theirs.iceCandidates().forEach(ice::addRemoteCandidate);
    ice.endOfRemoteCandidates();
    ice.start(theirs.iceParameters(), role, Duration.ofSeconds(30));
    dtls.start(theirs.dtlsParameters(), Duration.ofSeconds(30));
    out.println("connected as DTLS " + dtls.role().orElseThrow() + ", SRTP "
        + dtls.srtpProfile().orElseThrow());

    // Media: one packet a second, then hang up.
    for (int i = 0; i < packets; i++) {
      String text = (offer ? "hello from the offerer " : "hello from the answerer ") + i;
      dtls.writeRtp(new RtpHeader(i == 0, 111, i, i * 48_000L, ssrc),
          text.getBytes(StandardCharsets.UTF_8));
      Thread.sleep(1000); // pacing the demo's sends, one a second
    }
    dtls.stop();
    ice.stop();
  }
}
