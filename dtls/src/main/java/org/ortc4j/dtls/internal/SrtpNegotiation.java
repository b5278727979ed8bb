package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.ortc4j.dtls.DtlsFailure;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The use_srtp extension: the client offers its profiles, the server picks the first of its
 * own list the client offered, the client checks the echo. Without a common profile the
 * handshake fails; it never completes without SRTP unless SRTP was turned off. MKIs are not
 * used.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.1">RFC 5764 §4.1</a>
 */
final class SrtpNegotiation {
  private final List<SrtpProfile> profiles;
  private final HandshakeEvents events;

  SrtpNegotiation(List<SrtpProfile> profiles, HandshakeEvents events) {
    this.profiles = profiles;
    this.events = events;
  }

  /** Client: adds the offer to {@code extensions}. */
  void offer(Hashtable<Integer, byte[]> extensions) throws IOException {
    if (!profiles.isEmpty()) {
      int[] ids = profiles.stream().mapToInt(SrtpProfile::id).toArray();
      TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
    }
  }

  /** Client: checks the server's answer against the offer. */
  void checkAnswer(Hashtable<?, ?> serverExtensions) throws IOException {
    if (profiles.isEmpty()) {
      return;
    }
    UseSRTPData answer = serverExtensions == null ? null
        : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (answer == null) {
      throw fail(DtlsFailure.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
          "the server did not negotiate use_srtp");
    }
    int[] chosen = answer.getProtectionProfiles();
    Optional<SrtpProfile> profile = chosen.length == 1
        ? SrtpProfile.fromId(chosen[0]).filter(profiles::contains) : Optional.empty();
    if (profile.isEmpty() || answer.getMki().length != 0) {
      throw fail(DtlsFailure.PROTOCOL_ERROR, AlertDescription.illegal_parameter,
          "the server answered use_srtp with a profile or MKI that was not offered: "
              + ids(answer) + (answer.getMki().length != 0 ? " with an MKI" : "")
              + ", offered " + profiles);
    }
    events.srtpProfile(profile.get());
  }

  /** Server: picks a profile from the client's offer, in our order. */
  void select(Hashtable<?, ?> clientExtensions) throws IOException {
    if (profiles.isEmpty()) {
      return;
    }
    UseSRTPData offer = clientExtensions == null ? null
        : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offer == null) {
      throw fail(DtlsFailure.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
          "the client did not offer use_srtp");
    }
    for (SrtpProfile profile : profiles) {
      for (int id : offer.getProtectionProfiles()) {
        if (id == profile.id()) {
          events.srtpProfile(profile);
          return;
        }
      }
    }
    throw fail(DtlsFailure.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
        "no SRTP profile in common: ours " + profiles + ", offered " + ids(offer));
  }

  /** Server: adds the chosen profile to the ServerHello extensions. */
  void answer(Hashtable<Integer, byte[]> serverExtensions) throws IOException {
    if (profiles.isEmpty()) {
      return;
    }
    SrtpProfile chosen = events.srtpProfile();
    if (chosen == null) {
      // the ClientHello carried no extensions at all, so select() never ran
      throw fail(DtlsFailure.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
          "the client did not offer use_srtp");
    } else {
      TlsSRTPUtils.addUseSRTPExtension(serverExtensions,
          new UseSRTPData(new int[] {chosen.id()}, TlsUtils.EMPTY_BYTES));
    }
  }

  private TlsFatalAlert fail(DtlsFailure reason, short alert, String message) {
    events.failLocally(reason, message);
    return new TlsFatalAlert(alert, message);
  }

  private static String ids(UseSRTPData offer) {
    StringBuilder text = new StringBuilder("[");
    for (int id : offer.getProtectionProfiles()) {
      text.append(text.length() > 1 ? ", " : "")
          .append(SrtpProfile.fromId(id).map(Enum::name).orElse(String.format("0x%04X", id)));
    }
    return text.append(']').toString();
  }
}
