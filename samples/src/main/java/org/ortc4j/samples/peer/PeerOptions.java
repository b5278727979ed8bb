package org.ortc4j.samples.peer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.ortc4j.api.DtlsTransportRole;
import org.ortc4j.ice.IceRole;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The peer CLI's flags (shared/signal.md, "Peer CLI contract").
 *
 * @param iceRole {@code --ice-role controlling|controlled} (required)
 * @param ssrc {@code --ssrc N}: the SSRC we send with (random when not given)
 * @param dtlsRole {@code --dtls-role auto|client|server} (auto)
 * @param count {@code --count N}: RTP packets to send and to receive (50)
 * @param timeout {@code --timeout S}: the whole run's deadline in seconds (20)
 * @param addresses {@code --addr A[,B]}: where host candidates are gathered (127.0.0.1)
 * @param stun {@code --stun host:port}, or {@code null}
 * @param srtpProfiles {@code --srtp}: the profiles offered, in order (the api's default order
 *     when not given)
 */
public record PeerOptions(
    IceRole iceRole,
    long ssrc,
    DtlsTransportRole dtlsRole,
    int count,
    Duration timeout,
    List<InetAddress> addresses,
    String stun,
    List<SrtpProfile> srtpProfiles) {

  /** Usage text for {@code --help} and flag errors. */
  public static final String USAGE = String.join("\n",
      "usage: java -jar ortc4j-peer.jar --ice-role controlling|controlled [--ssrc N]",
      "         [--dtls-role auto|client|server] [--count N] [--timeout S] [--addr A[,B]]",
      "         [--stun host:port] [--srtp P[,P...]]",
      "  --srtp profiles, in order: gcm (AEAD_AES_128_GCM), gcm256 (AEAD_AES_256_GCM),",
      "         cm (AES128_CM_HMAC_SHA1_80), cm32 (AES128_CM_HMAC_SHA1_32), or the full names",
      "         with or without the SRTP_ prefix");

  /** Checks and copies. */
  public PeerOptions {
    Objects.requireNonNull(iceRole, "iceRole");
    Objects.requireNonNull(dtlsRole, "dtlsRole");
    Objects.requireNonNull(timeout, "timeout");
    addresses = List.copyOf(addresses);
    srtpProfiles = List.copyOf(srtpProfiles);
  }

  /**
   * Reads the flags.
   *
   * @throws IllegalArgumentException naming the flag at fault
   */
  public static PeerOptions parse(String... args) {
    IceRole iceRole = null;
    long ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    DtlsTransportRole dtlsRole = DtlsTransportRole.AUTO;
    int count = 50;
    Duration timeout = Duration.ofSeconds(20);
    List<InetAddress> addresses = List.of(InetAddress.getLoopbackAddress());
    String stun = null;
    List<SrtpProfile> srtp = List.of();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      i++;
      switch (flag) {
        case "--ice-role" -> iceRole = iceRole(value);
        case "--ssrc" -> ssrc = number(flag, value, 0, 0xFFFF_FFFFL);
        case "--dtls-role" -> dtlsRole = dtlsRole(value);
        case "--count" -> count = (int) number(flag, value, 1, 65535);
        case "--timeout" -> timeout = Duration.ofSeconds(number(flag, value, 1, 3600));
        case "--addr" -> addresses = addresses(value);
        case "--stun" -> stun = stun(value);
        case "--srtp" -> srtp = profiles(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (iceRole == null) {
      throw new IllegalArgumentException("--ice-role controlling|controlled is required");
    }
    return new PeerOptions(iceRole, ssrc, dtlsRole, count, timeout, addresses, stun, srtp);
  }

  /**
   * The profile a {@code --srtp} item names: a short name ({@code gcm}, {@code gcm256},
   * {@code cm}, {@code cm32}) or the full name, with or without {@code SRTP_}, in any case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static SrtpProfile profile(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "GCM":
        return SrtpProfile.AEAD_AES_128_GCM;
      case "GCM256":
        return SrtpProfile.AEAD_AES_256_GCM;
      case "CM":
        return SrtpProfile.AES128_CM_HMAC_SHA1_80;
      case "CM32":
        return SrtpProfile.AES128_CM_HMAC_SHA1_32;
      default:
        String bare = upper.startsWith("SRTP_") ? upper.substring(5) : upper;
        for (SrtpProfile profile : SrtpProfile.values()) {
          if (profile.name().equals(bare)) {
            return profile;
          }
        }
        throw new IllegalArgumentException("--srtp: unknown profile \"" + name + "\"");
    }
  }

  /** The registry name of a profile (RFC 5764 §4.1.2, RFC 7714 §14.2), e.g. SRTP_AEAD_AES_128_GCM. */
  public static String profileName(SrtpProfile profile) {
    return "SRTP_" + profile.name();
  }

  private static List<SrtpProfile> profiles(String value) {
    List<SrtpProfile> out = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      SrtpProfile profile = profile(item);
      if (!out.contains(profile)) {
        out.add(profile);
      }
    }
    return out;
  }

  private static IceRole iceRole(String value) {
    for (IceRole role : IceRole.values()) {
      if (role.name().equalsIgnoreCase(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("--ice-role must be controlling or controlled");
  }

  private static DtlsTransportRole dtlsRole(String value) {
    try {
      return DtlsTransportRole.fromSignalName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtls-role must be auto, client or server");
    }
  }

  private static long number(String flag, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number, got \"" + value + "\"");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(flag + " must be " + min + " to " + max + ", got " + n);
    }
    return n;
  }

  private static List<InetAddress> addresses(String value) {
    List<InetAddress> out = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      // only literals: a flag must not make the peer send a DNS query
      if (!item.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        throw new IllegalArgumentException("--addr takes IP addresses, got \"" + item + "\"");
      }
      try {
        out.add(InetAddress.getByName(item));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--addr: not an IP address: \"" + item + "\"");
      }
    }
    return out;
  }

  private static String stun(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("--stun takes host:port, got \"" + value + "\"");
    }
    number("--stun port", value.substring(colon + 1), 1, 65535);
    return value;
  }
}
