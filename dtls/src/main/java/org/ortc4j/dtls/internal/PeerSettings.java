package org.ortc4j.dtls.internal;

import java.util.List;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.srtp.SrtpProfile;

/**
 * What the BouncyCastle peers need from a session's configuration.
 *
 * @param certificate the local certificate, parsed once per {@code DtlsCertificate}
 * @param privateKey the local private key
 * @param keyType the local key type
 * @param remoteFingerprints the fingerprints the peer's certificate may match (non-empty)
 * @param srtpProfiles SRTP profiles in preference order, empty for plain DTLS
 * @param handshakeTimeoutMillis the handshake limit in milliseconds
 * @param initialResendMillis the first retransmission wait in milliseconds
 */
public record PeerSettings(
    Certificate certificate, AsymmetricKeyParameter privateKey, CertificateKeyType keyType,
    List<CertificateFingerprint> remoteFingerprints, List<SrtpProfile> srtpProfiles,
    int handshakeTimeoutMillis, int initialResendMillis) {}
