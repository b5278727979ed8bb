package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live cross-check with libsrtp 2 through our own C harness (src/test/c/srtp_harness.c), built
 * here with gcc and pkg-config (Debian: {@code libsrtp2-dev}, {@code gcc}, {@code pkg-config}).
 * The test fails, not skips, when the harness cannot be built.
 *
 * <p>For each profile, random keys and thousands of random packets (see {@link RandomPackets})
 * from a seed shown in the test name: libsrtp protects and ortc4j unprotects, ortc4j protects
 * and must produce libsrtp's bytes exactly, and libsrtp unprotects what ortc4j protected.
 */
class LibsrtpCrossCheckTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final int RTP_PACKETS = 3000;
  private static final int RTCP_PACKETS = 500;
  private static final Path TARGET = Path.of("target");
  private static final Path HARNESS = TARGET.resolve("srtp_harness");

  @BeforeAll
  static void buildHarness() throws Exception {
    Files.createDirectories(TARGET);
    String command = "gcc -O2 -Wall -o " + HARNESS + " src/test/c/srtp_harness.c"
        + " $(pkg-config --cflags --libs libsrtp2)";
    Process gcc = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).as("gcc finished").isTrue();
    assertThat(gcc.exitValue())
        .as("building the libsrtp harness (needs gcc, pkg-config, libsrtp2-dev): %s", output)
        .isZero();
  }

  static Stream<Arguments> profiles() {
    return Arrays.stream(SrtpProfile.values())
        .map(profile -> Arguments.of(profile, 0x5EED0000L + profile.id()));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("profiles")
  void rtpAgreesWithLibsrtpBothWays(SrtpProfile profile, long seed) throws Exception {
    RandomPackets random = new RandomPackets(seed);
    byte[] keySalt = random.bytes(profile.keyLength() + profile.saltLength());
    List<byte[]> plain = random.rtpStream(RTP_PACKETS, 3);

    List<byte[]> theirs = harness(profile, "protect", "rtp", keySalt, plain);
    List<byte[]> ours = transform(outbound(profile, keySalt), plain, true, false);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(HEX.formatHex(ours.get(i))).as("seed %x packet %d", seed, i)
          .isEqualTo(HEX.formatHex(theirs.get(i)));
    }
    assertPlain(seed, plain, transform(inbound(profile, keySalt), theirs, false, false));
    assertPlain(seed, plain, harness(profile, "unprotect", "rtp", keySalt, ours));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("profiles")
  void rtcpAgreesWithLibsrtpBothWays(SrtpProfile profile, long seed) throws Exception {
    RandomPackets random = new RandomPackets(seed ^ 0xC0FFEE);
    byte[] keySalt = random.bytes(profile.keyLength() + profile.saltLength());
    List<byte[]> plain = random.rtcpStream(RTCP_PACKETS, 3);

    List<byte[]> theirs = harness(profile, "protect", "rtcp", keySalt, plain);
    List<byte[]> ours = transform(outbound(profile, keySalt), plain, true, true);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(HEX.formatHex(ours.get(i))).as("seed %x packet %d", seed, i)
          .isEqualTo(HEX.formatHex(theirs.get(i)));
    }
    assertPlain(seed, plain, transform(inbound(profile, keySalt), theirs, false, true));
    assertPlain(seed, plain, harness(profile, "unprotect", "rtcp", keySalt, ours));
  }

  private static void assertPlain(long seed, List<byte[]> plain, List<byte[]> got) {
    assertThat(got).hasSameSizeAs(plain);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(HEX.formatHex(got.get(i))).as("seed %x packet %d", seed, i)
          .isEqualTo(HEX.formatHex(plain.get(i)));
    }
  }

  private static List<byte[]> transform(SrtpContext context, List<byte[]> packets,
      boolean protect, boolean rtcp) {
    List<byte[]> out = new ArrayList<>();
    int overhead = rtcp ? context.rtcpOverhead() : context.rtpOverhead();
    for (byte[] packet : packets) {
      byte[] buf = Arrays.copyOf(packet, packet.length + overhead);
      SrtpStatus status;
      if (protect) {
        status = rtcp ? context.protectRtcp(buf, 0, packet.length)
            : context.protectRtp(buf, 0, packet.length);
      } else {
        status = rtcp ? context.unprotectRtcp(buf, 0, packet.length)
            : context.unprotectRtp(buf, 0, packet.length);
      }
      assertThat(status).as("packet %d", out.size()).isEqualTo(SrtpStatus.OK);
      out.add(Arrays.copyOf(buf, packet.length + (protect ? overhead : -overhead)));
    }
    return out;
  }

  private static List<byte[]> harness(SrtpProfile profile, String mode, String kind,
      byte[] keySalt, List<byte[]> packets) throws IOException, InterruptedException {
    Path input = Files.createTempFile(TARGET, "harness-", ".in");
    try {
      List<String> lines = new ArrayList<>();
      lines.add("SESSION " + profile.id() + " " + mode + " " + kind + " " + HEX.formatHex(keySalt));
      packets.forEach(packet -> lines.add(HEX.formatHex(packet)));
      Files.write(input, lines);
      Process process = new ProcessBuilder(HARNESS.toString())
          .redirectInput(input.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      List<String> output;
      try (var reader = process.inputReader()) {
        output = reader.lines().toList();
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("harness finished").isTrue();
      assertThat(output).as("harness answers").hasSize(packets.size() + 1);
      assertThat(output.get(0)).isEqualTo("READY");
      List<byte[]> results = new ArrayList<>();
      for (String line : output.subList(1, output.size())) {
        assertThat(line).as("libsrtp %s of packet %d", mode, results.size()).startsWith("OK ");
        results.add(HEX.parseHex(line.substring(3)));
      }
      return results;
    } finally {
      Files.deleteIfExists(input);
    }
  }

  private static SrtpContext outbound(SrtpProfile profile, byte[] keySalt) {
    return SrtpContext.outbound(profile, SrtpVectorTest.key(profile, keySalt),
        SrtpVectorTest.salt(profile, keySalt), SrtpOptions.defaults());
  }

  private static SrtpContext inbound(SrtpProfile profile, byte[] keySalt) {
    return SrtpContext.inbound(profile, SrtpVectorTest.key(profile, keySalt),
        SrtpVectorTest.salt(profile, keySalt), SrtpOptions.defaults());
  }
}
