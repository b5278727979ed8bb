package org.ortc4j.dtls;

/**
 * PEM text that {@link DtlsCertificate#fromPem(String)} cannot use: a missing block, an
 * encrypted or unsupported key, a key that does not belong to the certificate, or bytes that
 * do not parse. The message says which.
 */
public final class CertificateFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CertificateFormatException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CertificateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
