package org.ortc4j.samples.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ortc4j.api.DtlsParameters;
import org.ortc4j.api.DtlsTransportRole;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.FingerprintAlgorithm;
import org.ortc4j.ice.IceCandidate;
import org.ortc4j.ice.IceCandidateType;
import org.ortc4j.ice.IceParameters;
import org.ortc4j.ice.IceProtocol;
import org.ortc4j.ice.IceRole;

/**
 * What one peer tells the other, as one line of JSON: its ICE parameters and candidates, its
 * DTLS parameters and (for information) its ICE role. The shape is Pion's ORTC example's and
 * the W3C ORTC dictionaries' (see {@code shared/signal.md}):
 *
 * <pre>{@code
 * {"iceParameters":{"usernameFragment":"f105","password":"ce264b7cfcc6bb33582d34","iceLite":false},
 *  "iceCandidates":[{"foundation":"626da4e5","priority":2116026367,"address":"127.0.0.1",
 *                    "protocol":"udp","port":46358,"type":"host","component":1}],
 *  "dtlsParameters":{"role":"auto","fingerprints":[{"algorithm":"sha-256","value":"DE:86:…"}]},
 *  "iceRole":"controlling"}
 * }</pre>
 *
 * <p>Reading is strict about what is there and lenient about what is not needed: unknown
 * members are ignored, {@code iceRole}, {@code iceLite}, {@code dtlsParameters.role} (auto) and
 * {@code component} (1) may be absent, names and hex values are read in any case, a component
 * may be given as {@code "rtp"}. Addresses must be IP literals: a signal never makes us look a
 * name up.
 *
 * @param iceParameters the ICE username fragment and password
 * @param iceCandidates the candidates gathered so far (may be empty)
 * @param dtlsParameters the DTLS role and certificate fingerprints (at least one)
 * @param iceRole the sender's own ICE role, or {@code null} when not given
 */
public record Signal(
    IceParameters iceParameters,
    List<IceCandidate> iceCandidates,
    DtlsParameters dtlsParameters,
    IceRole iceRole) {

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  // The shape of an IPv6 literal (hex groups, '::', an embedded IPv4 tail, a zone): enough to
  // keep host names out; InetAddress refuses what is not a valid literal of this alphabet.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z._-]{1,32})?");

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if a parameter but {@code iceRole} is null
   * @throws IllegalArgumentException if {@code dtlsParameters} has no fingerprint
   */
  public Signal {
    Objects.requireNonNull(iceParameters, "iceParameters");
    iceCandidates = List.copyOf(iceCandidates);
    Objects.requireNonNull(dtlsParameters, "dtlsParameters");
    if (dtlsParameters.fingerprints().isEmpty()) {
      throw new IllegalArgumentException("a signal needs at least one certificate fingerprint");
    }
  }

  /**
   * Reads a signal.
   *
   * @param json one JSON object (line breaks and surrounding whitespace allowed)
   * @return the signal
   * @throws SignalFormatException if the text is not JSON, or not a valid signal; the message
   *     names the member at fault (e.g. {@code iceCandidates[0].port must be 0 to 65535})
   * @throws NullPointerException if {@code json} is null
   */
  public static Signal parse(String json) throws SignalFormatException {
    JsonObject root = JsonObject.of("", JsonReader.parse(json));
    IceParameters ice = iceParameters(root.object("iceParameters"));
    List<IceCandidate> candidates = new ArrayList<>();
    for (JsonObject candidate : root.objects("iceCandidates")) {
      candidates.add(candidate(candidate));
    }
    DtlsParameters dtls = dtlsParameters(root.object("dtlsParameters"));
    return new Signal(ice, candidates, dtls, iceRole(root));
  }

  /** This signal as one line of JSON (no line break), in the member order of signal.md. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> ice = new LinkedHashMap<>();
    ice.put("usernameFragment", iceParameters.usernameFragment());
    ice.put("password", iceParameters.password());
    ice.put("iceLite", iceParameters.iceLite());
    root.put("iceParameters", ice);
    root.put("iceCandidates", iceCandidates.stream().map(Signal::candidateJson).toList());
    Map<String, Object> dtls = new LinkedHashMap<>();
    dtls.put("role", dtlsParameters.role().signalName());
    dtls.put("fingerprints", dtlsParameters.fingerprints().stream()
        .map(Signal::fingerprintJson)
        .toList());
    root.put("dtlsParameters", dtls);
    if (iceRole != null) {
      root.put("iceRole", roleName(iceRole));
    }
    return JsonWriter.write(root);
  }

  /** The signal form of an ICE role: {@code controlling} or {@code controlled}. */
  public static String roleName(IceRole role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  private static IceParameters iceParameters(JsonObject ice) throws SignalFormatException {
    String ufrag = ice.string("usernameFragment");
    String password = ice.string("password");
    boolean lite = ice.bool("iceLite", false);
    try {
      return new IceParameters(ufrag, password, lite);
    } catch (IllegalArgumentException e) {
      throw new SignalFormatException("iceParameters: " + e.getMessage());
    }
  }

  private static IceCandidate candidate(JsonObject c) throws SignalFormatException {
    String foundation = c.string("foundation");
    long priority = c.number("priority", 1, 0x7FFF_FFFFL);
    String address = ipLiteral(c, "address");
    IceProtocol protocol = protocol(c);
    int port = (int) c.number("port", 0, 65535);
    IceCandidateType type = type(c);
    int component = component(c);
    String relatedAddress = c.has("relatedAddress") ? ipLiteral(c, "relatedAddress") : null;
    Integer relatedPort = c.has("relatedPort") ? (int) c.number("relatedPort", 0, 65535) : null;
    String tcpType = c.optionalString("tcpType");
    try {
      return new IceCandidate(foundation, priority, address, protocol, port, type, component,
          relatedAddress, relatedPort, tcpType);
    } catch (IllegalArgumentException e) {
      throw c.invalid("candidate", e.getMessage());
    }
  }

  private static String ipLiteral(JsonObject c, String name) throws SignalFormatException {
    String address = c.string(name);
    if (!IPV4.matcher(address).matches()
        && !(address.indexOf(':') >= 0 && IPV6.matcher(address).matches())) {
      throw c.invalid(name, "must be an IPv4 or IPv6 literal (host names are not looked up)");
    }
    return address;
  }

  private static IceProtocol protocol(JsonObject c) throws SignalFormatException {
    try {
      return IceProtocol.fromWireName(c.string("protocol"));
    } catch (IllegalArgumentException e) {
      throw c.invalid("protocol", "must be udp or tcp");
    }
  }

  private static IceCandidateType type(JsonObject c) throws SignalFormatException {
    try {
      return IceCandidateType.fromWireName(c.string("type"));
    } catch (IllegalArgumentException e) {
      throw c.invalid("type", "must be host, srflx, prflx or relay");
    }
  }

  /** RTCIceCandidate says {@code "rtp"}/{@code "rtcp"}, Pion writes the number. */
  private static int component(JsonObject c) throws SignalFormatException {
    if (!c.has("component")) {
      return 1;
    }
    try {
      return (int) c.number("component", 1, 256);
    } catch (SignalFormatException notANumber) {
      String name = c.optionalString("component");
      if ("rtp".equalsIgnoreCase(name)) {
        return 1;
      }
      if ("rtcp".equalsIgnoreCase(name)) {
        return 2;
      }
      throw notANumber;
    }
  }

  private static DtlsParameters dtlsParameters(JsonObject dtls) throws SignalFormatException {
    DtlsTransportRole role = DtlsTransportRole.AUTO;
    if (dtls.has("role")) {
      try {
        role = DtlsTransportRole.fromSignalName(dtls.string("role"));
      } catch (IllegalArgumentException e) {
        throw dtls.invalid("role", "must be auto, client or server");
      }
    }
    List<CertificateFingerprint> fingerprints = new ArrayList<>();
    for (JsonObject f : dtls.objects("fingerprints")) {
      fingerprints.add(fingerprint(f));
    }
    if (fingerprints.isEmpty()) {
      throw dtls.invalid("fingerprints", "at least one fingerprint is needed");
    }
    return new DtlsParameters(role, fingerprints);
  }

  private static CertificateFingerprint fingerprint(JsonObject f) throws SignalFormatException {
    FingerprintAlgorithm algorithm;
    try {
      algorithm = FingerprintAlgorithm.fromSdpName(f.string("algorithm"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("algorithm", "must be sha-1, sha-224, sha-256, sha-384 or sha-512");
    }
    try {
      return new CertificateFingerprint(algorithm, f.string("value"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("value", e.getMessage());
    }
  }

  private static IceRole iceRole(JsonObject root) throws SignalFormatException {
    String name = root.optionalString("iceRole");
    if (name == null) {
      return null;
    }
    for (IceRole role : IceRole.values()) {
      if (role.name().equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw root.invalid("iceRole", "must be controlling or controlled");
  }

  private static Map<String, Object> fingerprintJson(CertificateFingerprint f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("algorithm", f.algorithm().sdpName());
    out.put("value", f.value());
    return out;
  }

  private static Map<String, Object> candidateJson(IceCandidate c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("foundation", c.foundation());
    out.put("priority", c.priority());
    out.put("address", c.address());
    out.put("protocol", c.protocol().wireName());
    out.put("port", c.port());
    out.put("type", c.type().wireName());
    out.put("component", c.component());
    if (c.relatedAddress() != null) {
      out.put("relatedAddress", c.relatedAddress());
      out.put("relatedPort", c.relatedPort());
    }
    if (c.tcpType() != null) {
      out.put("tcpType", c.tcpType());
    }
    return out;
  }
}
