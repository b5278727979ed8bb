package org.ortc4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The SRTP benchmark compares like with like: jitsi-srtp and the raw-JDK floor are byte-exact with
 * libsrtp (the vectors in {@code src/test/resources/srtp-vectors}, a copy of
 * /work/shared/vectors/srtp), and in every cell of {@link SrtpBenchmark} each implementation's
 * ring comes out identical and all OK. Times nothing. jitsi-srtp runs in its pure-Java mode here:
 * it fixes its crypto once per JVM; each JMH fork checks its own mode in its setup.
 */
class SrtpBenchmarkTest {
  private static final int FIRST_VECTOR_SEQUENCE = 65_530;

  @BeforeAll
  static void pureJavaJitsi() {
    JitsiSrtpPeer.use(JitsiSrtpPeer.Mode.JAVA);
  }

  static Stream<SrtpProfile> profiles() {
    return Stream.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);
  }

  static Stream<Arguments> cells() {
    return profiles().flatMap(profile -> Stream.of(1200, 160).map(n -> Arguments.of(profile, n)));
  }

  static Stream<Arguments> floorCells() {
    return cells()
        .flatMap(
            cell ->
                Arrays.stream(RawJdkSrtp.Output.values())
                    .map(output -> Arguments.of(cell.get()[0], cell.get()[1], output)));
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void jitsiProtectsLikeLibsrtp(SrtpProfile profile) throws Exception {
    SrtpCryptoContext sender = JitsiSrtpPeer.context(true, profile);
    List<byte[]> plain = vectors("rtp_plain.hex");
    List<byte[]> expected = vectors(protectedVectors(profile));

    for (int i = 0; i < plain.size(); i++) {
      JitsiSrtpPeer.Packet packet = packetWithRoom(plain.get(i));
      assertThat(sender.transformPacket(packet)).isEqualTo(SrtpErrorStatus.OK);
      assertThat(bytes(packet)).as("packet %d", i).isEqualTo(expected.get(i));
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void jitsiUnprotectsLibsrtpVectors(SrtpProfile profile) throws Exception {
    SrtpCryptoContext receiver = JitsiSrtpPeer.context(false, profile);
    List<byte[]> plain = vectors("rtp_plain.hex");
    List<byte[]> protectedPackets = vectors(protectedVectors(profile));

    for (int i = 0; i < plain.size(); i++) {
      JitsiSrtpPeer.Packet packet = packetWithRoom(protectedPackets.get(i));
      assertThat(receiver.reverseTransformPacket(packet, false)).isEqualTo(SrtpErrorStatus.OK);
      assertThat(bytes(packet)).as("packet %d", i).isEqualTo(plain.get(i));
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void floorProtectsAndUnprotectsLikeLibsrtp(SrtpProfile profile) throws IOException {
    List<byte[]> plain = vectors("rtp_plain.hex");
    List<byte[]> expected = vectors(protectedVectors(profile));
    for (RawJdkSrtp.Output output : RawJdkSrtp.Output.values()) {
      RawJdkSrtp floor =
          RawJdkSrtp.create(
              profile, SrtpScenarios.masterKey(profile), SrtpScenarios.masterSalt(profile), output);
      for (int i = 0; i < plain.size(); i++) {
        long index = FIRST_VECTOR_SEQUENCE + i;
        byte[] packet = Arrays.copyOf(plain.get(i), plain.get(i).length + 16);
        int length = floor.protect(packet, 0, plain.get(i).length, index);
        assertThat(Arrays.copyOf(packet, length)).as("%s packet %d", output, i)
            .isEqualTo(expected.get(i));
        assertThat(floor.unprotect(packet, 0, length, index)).isEqualTo(plain.get(i).length);
        assertThat(Arrays.copyOf(packet, plain.get(i).length)).isEqualTo(plain.get(i));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void floorRejectsATamperedPacket(SrtpProfile profile) throws IOException {
    RawJdkSrtp floor =
        RawJdkSrtp.create(
            profile,
            SrtpScenarios.masterKey(profile),
            SrtpScenarios.masterSalt(profile),
            RawJdkSrtp.Output.SCRATCH);
    byte[] packet = vectors(protectedVectors(profile)).get(0);
    packet[20] ^= 1;

    assertThat(floor.unprotect(packet, 0, packet.length, FIRST_VECTOR_SEQUENCE)).isEqualTo(-1);
  }

  @ParameterizedTest
  @MethodSource("floorCells")
  void floorCellsProtectTheReferenceRingAndBack(
      SrtpProfile profile, int payload, RawJdkSrtp.Output output) {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    SrtpBenchmark.FloorProtect protect = cell(new SrtpBenchmark.FloorProtect(), profile, payload);
    protect.output = output.name();
    protect.setUp();
    protect.refill();
    assertThat(benchmark.protectFloor(protect)).isEqualTo(SrtpScenarios.RING);
    protect.check();

    SrtpBenchmark.FloorUnprotect unprotect =
        cell(new SrtpBenchmark.FloorUnprotect(), profile, payload);
    unprotect.output = output.name();
    unprotect.setUp();
    unprotect.restore();
    assertThat(benchmark.unprotectFloor(unprotect)).isEqualTo(SrtpScenarios.RING);
    unprotect.checkPlain("floor");
  }

  @ParameterizedTest
  @MethodSource("cells")
  void jitsiCellsMatchTheFloorPacketForPacket(SrtpProfile profile, int payload)
      throws Exception {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    SrtpBenchmark.FloorProtect floor = cell(new SrtpBenchmark.FloorProtect(), profile, payload);
    floor.output = RawJdkSrtp.Output.IN_PLACE.name();
    SrtpBenchmark.JitsiProtect jitsi = cell(new SrtpBenchmark.JitsiProtect(), profile, payload);
    jitsi.jitsi = JitsiSrtpPeer.Mode.JAVA.name();
    floor.setUp();
    jitsi.setUp();

    // The second invocation continues the sequence numbers: both must still agree.
    floor.refill();
    jitsi.refill();
    assertThat(benchmark.protectFloor(floor)).isEqualTo(SrtpScenarios.RING);
    assertThat(benchmark.protectJitsi(jitsi)).isEqualTo(SrtpScenarios.RING);
    assertThat(jitsi.first).isEqualTo(SrtpScenarios.RING_FIRST_SEQUENCE + SrtpScenarios.RING);
    assertThat(jitsi.ring).isEqualTo(floor.ring);
  }

  @ParameterizedTest
  @MethodSource("cells")
  void ortc4jCellsMatchTheFloorAndJitsiPacketForPacket(SrtpProfile profile, int payload)
      throws Exception {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    SrtpBenchmark.FloorProtect floor = cell(new SrtpBenchmark.FloorProtect(), profile, payload);
    floor.output = RawJdkSrtp.Output.SCRATCH.name();
    SrtpBenchmark.JitsiProtect jitsi = cell(new SrtpBenchmark.JitsiProtect(), profile, payload);
    jitsi.jitsi = JitsiSrtpPeer.Mode.JAVA.name();
    SrtpBenchmark.Ortc4jProtect ortc4j = cell(new SrtpBenchmark.Ortc4jProtect(), profile, payload);
    floor.setUp();
    jitsi.setUp();
    ortc4j.setUp();

    for (int pass = 0; pass < 2; pass++) {
      floor.refill();
      jitsi.refill();
      ortc4j.refill();
      assertThat(benchmark.protectFloor(floor)).isEqualTo(SrtpScenarios.RING);
      assertThat(benchmark.protectJitsi(jitsi)).isEqualTo(SrtpScenarios.RING);
      assertThat(benchmark.protectOrtc4j(ortc4j)).isEqualTo(SrtpScenarios.RING);
      assertThat(ortc4j.ring).isEqualTo(floor.ring).isEqualTo(jitsi.ring);
    }
  }

  @ParameterizedTest
  @MethodSource("cells")
  void ortc4jUnprotectCellsPassEveryPacketAgain(SrtpProfile profile, int payload) {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    SrtpBenchmark.Ortc4jUnprotect ortc4j =
        cell(new SrtpBenchmark.Ortc4jUnprotect(), profile, payload);
    ortc4j.setUp();

    for (int pass = 0; pass < 2; pass++) {
      ortc4j.restore();
      assertThat(benchmark.unprotectOrtc4j(ortc4j)).isEqualTo(SrtpScenarios.RING);
      ortc4j.checkPlain("ortc4j");
    }
  }

  @ParameterizedTest
  @MethodSource("cells")
  void jitsiUnprotectCellsPassEveryPacketAgain(SrtpProfile profile, int payload)
      throws Exception {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    SrtpBenchmark.JitsiUnprotect jitsi =
        cell(new SrtpBenchmark.JitsiUnprotect(), profile, payload);
    jitsi.jitsi = JitsiSrtpPeer.Mode.JAVA.name();
    jitsi.setUp();

    for (int pass = 0; pass < 2; pass++) {
      jitsi.restore();
      assertThat(benchmark.unprotectJitsi(jitsi)).isEqualTo(SrtpScenarios.RING);
      jitsi.checkPlain("jitsi-srtp");
    }
  }

  @ParameterizedTest
  @MethodSource("cells")
  void theUnprotectRingCrossesTheSequenceWrap(SrtpProfile profile, int payload) {
    SrtpBenchmark.FloorUnprotect cell = cell(new SrtpBenchmark.FloorUnprotect(), profile, payload);
    cell.output = RawJdkSrtp.Output.IN_PLACE.name();
    cell.setUp();

    int first = SrtpScenarios.readSequence(cell.reference, 0);
    int last = SrtpScenarios.readSequence(cell.reference, (SrtpScenarios.RING - 1) * cell.stride);
    assertThat(first).isEqualTo(65_024);
    assertThat(last).isEqualTo(511);
    assertThat(cell.protectedLength).isEqualTo(12 + payload + profile.rtpTagLength());
  }

  private static <T extends SrtpBenchmark.Cell> T cell(T cell, SrtpProfile profile, int payload) {
    cell.profile = profile;
    cell.payload = payload;
    return cell;
  }

  private static String protectedVectors(SrtpProfile profile) {
    return switch (profile) {
      case AES128_CM_HMAC_SHA1_80 -> "rtp_AES_CM_128_HMAC_SHA1_80.hex";
      case AEAD_AES_128_GCM -> "rtp_AEAD_AES_128_GCM.hex";
      default -> throw new IllegalArgumentException(profile.name());
    };
  }

  private static List<byte[]> vectors(String name) throws IOException {
    try (InputStream in = SrtpBenchmarkTest.class.getResourceAsStream("/srtp-vectors/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> HexFormat.of().parseHex(line.strip()))
          .toList();
    }
  }

  private static JitsiSrtpPeer.Packet packetWithRoom(byte[] bytes) {
    return new JitsiSrtpPeer.Packet(Arrays.copyOf(bytes, bytes.length + 16), 0, bytes.length);
  }

  private static byte[] bytes(JitsiSrtpPeer.Packet packet) {
    return Arrays.copyOfRange(
        packet.getBuffer(), packet.getOffset(), packet.getOffset() + packet.getLength());
  }
}
