package org.ortc4j.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One item of an SDES chunk: a type code and up to 255 bytes of value.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     type      |     length    | value (length bytes)        ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * PRIV (type 8) values are structured:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    PRIV=8     |     length    | prefix length |prefix string...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ...             |                  value string               ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Values are kept as the bytes that came (RFC 3550 says UTF-8, but peers send what they send),
 * so that a packet serializes back unchanged; {@link #text()} decodes them.
 *
 * @param type the item type, 1 to 255 (0 marks the end of a chunk's items); {@link SdesItemType}
 *     names the ones RFC 3550 defines, others are kept as they are
 * @param value the item's content, at most 255 bytes (copied in and out); for PRIV, the prefix
 *     length byte, the prefix and the value string, as on the wire
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.5">RFC 3550 §6.5</a>
 */
public record SdesItem(int type, byte[] value) {
  /** The longest value the 8-bit length field allows. */
  public static final int MAX_VALUE_LENGTH = 255;

  public SdesItem {
    FieldChecks.range(type, 1, 255, "type");
    value = FieldChecks.bytes(value, MAX_VALUE_LENGTH, "value");
    if (type == SdesItemType.PRIV.code() && !isWellFormedPriv(value)) {
      throw new IllegalArgumentException(
          "a PRIV value starts with a prefix length that fits in it: use SdesItem.priv");
    }
  }

  /**
   * An item of a type RFC 3550 defines, whose value is {@code text} in UTF-8.
   *
   * @throws IllegalArgumentException if the text exceeds 255 bytes, or {@code type} is PRIV (use
   *     {@link #priv(String, String)})
   */
  public SdesItem(SdesItemType type, String text) {
    this(plainCode(type), text.getBytes(StandardCharsets.UTF_8));
  }

  private static int plainCode(SdesItemType type) {
    if (type == SdesItemType.PRIV) {
      throw new IllegalArgumentException("a PRIV item has a prefix: use SdesItem.priv");
    }
    return type.code();
  }

  /** A CNAME item. */
  public static SdesItem cname(String cname) {
    return new SdesItem(SdesItemType.CNAME, cname);
  }

  /**
   * A PRIV item: {@code prefix} names the private extension, {@code value} is its content.
   *
   * @throws IllegalArgumentException if the two exceed 254 bytes together
   */
  public static SdesItem priv(byte[] prefix, byte[] value) {
    FieldChecks.bytes(prefix, MAX_VALUE_LENGTH - 1, "prefix");
    FieldChecks.bytes(value, MAX_VALUE_LENGTH - 1 - prefix.length, "value");
    byte[] content = new byte[1 + prefix.length + value.length];
    content[0] = (byte) prefix.length;
    System.arraycopy(prefix, 0, content, 1, prefix.length);
    System.arraycopy(value, 0, content, 1 + prefix.length, value.length);
    return new SdesItem(SdesItemType.PRIV.code(), content);
  }

  /** A PRIV item from UTF-8 text; see {@link #priv(byte[], byte[])}. */
  public static SdesItem priv(String prefix, String value) {
    return priv(prefix.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code value} is a PRIV value: a prefix length byte, then at least that many bytes. */
  static boolean isWellFormedPriv(byte[] value) {
    return value.length > 0 && (value[0] & 0xff) <= value.length - 1;
  }

  /** A copy of the value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The type's name, or empty for a type RFC 3550 does not define. */
  public Optional<SdesItemType> knownType() {
    return SdesItemType.fromCode(type);
  }

  /**
   * The value as UTF-8 text (malformed bytes become U+FFFD); for PRIV, the value string after the
   * prefix.
   */
  public String text() {
    int start = isPriv() ? 1 + (value[0] & 0xff) : 0;
    return new String(value, start, value.length - start, StandardCharsets.UTF_8);
  }

  /**
   * The prefix of a PRIV item as UTF-8 text.
   *
   * @throws IllegalStateException if this is not a PRIV item
   */
  public String privPrefix() {
    if (!isPriv()) {
      throw new IllegalStateException("item type " + type + " is not PRIV");
    }
    return new String(value, 1, value[0] & 0xff, StandardCharsets.UTF_8);
  }

  private boolean isPriv() {
    return type == SdesItemType.PRIV.code();
  }

  /** Bytes on the wire: type, length and value. */
  int size() {
    return 2 + value.length;
  }

  void write(ByteWriter out) {
    out.u8(type).u8(value.length).bytes(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SdesItem that && type == that.type && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    String name = knownType().map(Enum::name).orElse(Integer.toString(type));
    return "SdesItem["
        + name
        + ", value="
        + HexFormat.of().formatHex(value)
        + " \""
        + text()
        + "\"]";
  }
}
