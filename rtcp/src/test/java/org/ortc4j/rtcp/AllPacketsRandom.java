package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Random valid packets of every type this module writes, for property and dissector tests. */
final class AllPacketsRandom {
  private AllPacketsRandom() {}

  /** One generator per packet type. */
  static final List<Function<Random, RtcpPacket>> GENERATORS = all();

  private static List<Function<Random, RtcpPacket>> all() {
    List<Function<Random, RtcpPacket>> generators = new ArrayList<>();
    generators.addAll(ReportsRandom.GENERATORS);
    generators.addAll(TransportFeedbackRandom.GENERATORS);
    generators.addAll(PayloadFeedbackRandom.GENERATORS);
    generators.add(AllPacketsRandom::rawPacket);
    return List.copyOf(generators);
  }

  /** A packet of an unregistered type, or an RTPFB/PSFB format this library keeps raw. */
  static RtcpPacket rawPacket(Random random) {
    int[] types = {192, 193, 195, 209, 210, 223, 205, 206};
    int type = types[random.nextInt(types.length)];
    int format = type == 205 ? 3 : type == 206 ? 5 : random.nextInt(32);
    byte[] body = new byte[4 * random.nextInt(6)];
    random.nextBytes(body);
    int padding = random.nextInt(4) == 0 ? 4 * (1 + random.nextInt(3)) : 0;
    return new RawPacket(type, format, body, padding);
  }

  /** A random compound: a report first, then up to five packets of any type. */
  static List<RtcpPacket> compound(Random random) {
    List<RtcpPacket> packets = new ArrayList<>();
    int reports = ReportsRandom.GENERATORS.size();
    packets.add(ReportsRandom.GENERATORS.get(random.nextInt(Math.min(2, reports))).apply(random));
    int more = random.nextInt(6);
    for (int i = 0; i < more; i++) {
      packets.add(GENERATORS.get(random.nextInt(GENERATORS.size())).apply(random));
    }
    return packets;
  }
}
