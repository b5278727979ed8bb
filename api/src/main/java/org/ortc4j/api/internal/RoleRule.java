package org.ortc4j.api.internal;

import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.ice.IceRole;

/**
 * Which DTLS role this side takes, with Pion's fixed precedence: an explicit local role; else
 * the inverse of an explicit remote role; else ICE controlling = DTLS server, controlled =
 * client (RFC 8842 leaves "auto" to the offer/answer; every browser resolves it this way).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8842#section-5">RFC 8842 §5</a>
 */
public final class RoleRule {
  private RoleRule() {}

  /**
   * @param local our setting: {@code null} for auto
   * @param remote the peer's signalled role: {@code null} for auto
   * @param ice our live ICE role
   */
  public static DtlsRole resolve(DtlsRole local, DtlsRole remote, IceRole ice) {
    if (local != null) {
      return local;
    }
    if (remote != null) {
      return remote == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }
    return ice == IceRole.CONTROLLING ? DtlsRole.SERVER : DtlsRole.CLIENT;
  }
}
