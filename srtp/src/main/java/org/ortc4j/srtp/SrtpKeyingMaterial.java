package org.ortc4j.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts of both directions of a DTLS-SRTP association, as split from
 * the output of the DTLS exporter (label {@code EXTRACTOR-dtls_srtp}, no context).
 *
 * <p>The exporter output is laid out as RFC 5764 §4.2 says:
 *
 * <pre>
 * client_write_SRTP_master_key[key_len]
 * server_write_SRTP_master_key[key_len]
 * client_write_SRTP_master_salt[salt_len]
 * server_write_SRTP_master_salt[salt_len]
 * </pre>
 *
 * The DTLS client protects what it sends with the client key and salt and unprotects what it
 * receives with the server ones; the server does the opposite. Instances are immutable: every
 * accessor returns a copy.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.2">RFC 5764 §4.2</a>
 */
public final class SrtpKeyingMaterial {
  private final SrtpProfile profile;
  private final byte[] exported;

  private SrtpKeyingMaterial(SrtpProfile profile, byte[] exported) {
    this.profile = profile;
    this.exported = exported;
  }

  /**
   * Splits exporter output for {@code profile}.
   *
   * @throws IllegalArgumentException if the length is not {@link
   *     SrtpProfile#keyingMaterialLength()}
   */
  public static SrtpKeyingMaterial fromExported(SrtpProfile profile, byte[] exported) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(exported, "exported");
    if (exported.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(
          profile + " needs " + profile.keyingMaterialLength() + " bytes of keying material, got "
              + exported.length);
    }
    return new SrtpKeyingMaterial(profile, exported.clone());
  }

  /** The profile the material was exported for. */
  public SrtpProfile profile() {
    return profile;
  }

  /** The master key the DTLS client writes with. */
  public byte[] clientMasterKey() {
    return slice(0, profile.keyLength());
  }

  /** The master key the DTLS server writes with. */
  public byte[] serverMasterKey() {
    return slice(profile.keyLength(), profile.keyLength());
  }

  /** The master salt the DTLS client writes with. */
  public byte[] clientMasterSalt() {
    return slice(2 * profile.keyLength(), profile.saltLength());
  }

  /** The master salt the DTLS server writes with. */
  public byte[] serverMasterSalt() {
    return slice(2 * profile.keyLength() + profile.saltLength(), profile.saltLength());
  }

  /** The master key this side writes with: the client's when {@code dtlsClient}. */
  public byte[] localMasterKey(boolean dtlsClient) {
    return dtlsClient ? clientMasterKey() : serverMasterKey();
  }

  /** The master salt this side writes with: the client's when {@code dtlsClient}. */
  public byte[] localMasterSalt(boolean dtlsClient) {
    return dtlsClient ? clientMasterSalt() : serverMasterSalt();
  }

  /** The master key the peer writes with: the server's when {@code dtlsClient}. */
  public byte[] remoteMasterKey(boolean dtlsClient) {
    return localMasterKey(!dtlsClient);
  }

  /** The master salt the peer writes with: the server's when {@code dtlsClient}. */
  public byte[] remoteMasterSalt(boolean dtlsClient) {
    return localMasterSalt(!dtlsClient);
  }

  /** The exporter output in its RFC 5764 layout (a copy). */
  public byte[] toExported() {
    return exported.clone();
  }

  private byte[] slice(int from, int length) {
    return Arrays.copyOfRange(exported, from, from + length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrtpKeyingMaterial that
        && profile == that.profile
        && Arrays.equals(exported, that.exported);
  }

  @Override
  public int hashCode() {
    return 31 * profile.hashCode() + Arrays.hashCode(exported);
  }

  /** Names the profile only: key material never goes to logs. */
  @Override
  public String toString() {
    return "SrtpKeyingMaterial[" + profile + "]";
  }
}
