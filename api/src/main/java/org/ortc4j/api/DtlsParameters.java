package org.ortc4j.api;

import java.util.List;
import java.util.Objects;
import org.ortc4j.dtls.CertificateFingerprint;

/**
 * What one side signals of its DTLS transport: its role and the fingerprints of its
 * certificates. {@link DtlsTransport#getLocalParameters()} always advertises {@link
 * DtlsTransportRole#AUTO}, unless the settings fix the local role.
 *
 * @param role the sender's role
 * @param fingerprints the sender's certificate fingerprints; any one matching passes
 * @see <a href="https://www.w3.org/TR/ortc/#rtcdtlsparameters*">W3C ORTC RTCDtlsParameters</a>
 */
public record DtlsParameters(DtlsTransportRole role, List<CertificateFingerprint> fingerprints) {
  /** Copies the list; rejects nulls. An empty list is allowed here and refused by start. */
  public DtlsParameters {
    Objects.requireNonNull(role, "role");
    fingerprints = List.copyOf(fingerprints);
  }

  /** Parameters with role {@code auto}. */
  public static DtlsParameters auto(List<CertificateFingerprint> fingerprints) {
    return new DtlsParameters(DtlsTransportRole.AUTO, fingerprints);
  }
}
