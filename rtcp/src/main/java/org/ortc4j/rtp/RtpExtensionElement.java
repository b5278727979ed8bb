package org.ortc4j.rtp;

import java.util.Arrays;
import java.util.HexFormat;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One element of an RFC 8285 header extension: a local identifier and its data.
 *
 * <p>The limits here are those of the two-byte form (ids 1..255, 0..255 bytes of data); the
 * one-byte form is narrower (ids 1..14, 1..16 bytes), and {@link RtpHeaderExtension} checks that
 * when an element goes into one.
 *
 * @param id the local identifier, 1..255 (0 is padding on the wire and cannot be an id)
 * @param data the element's data, 0..255 bytes (copied in and out)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8285#section-4">RFC 8285 §4</a>
 */
public record RtpExtensionElement(int id, byte[] data) {
  /** The largest id of the two-byte form. */
  public static final int MAX_ID = 255;
  /** The most data bytes the two-byte form's length byte can describe. */
  public static final int MAX_DATA_LENGTH = 255;

  public RtpExtensionElement {
    FieldChecks.range(id, 1, MAX_ID, "extension element id");
    data = FieldChecks.bytes(data, MAX_DATA_LENGTH, "extension element data");
  }

  /** A copy of the data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The number of data bytes, without copying them. */
  public int dataLength() {
    return data.length;
  }

  /** Whether the one-byte form can carry this element (id 1..14, 1..16 bytes). */
  public boolean fitsOneByteForm() {
    return RtpHeaderExtension.fitsOneByteForm(id, data.length);
  }

  /** Copies the data to {@code destination} at {@code offset}. */
  void writeData(byte[] destination, int offset) {
    System.arraycopy(data, 0, destination, offset, data.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtpExtensionElement that
        && id == that.id
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return id * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "RtpExtensionElement[id=" + id + ", data=" + HexFormat.of().formatHex(data) + "]";
  }
}
