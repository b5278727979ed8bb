package org.ortc4j.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * The header extension of an RTP packet (present when the X bit is set): the generic block of RFC
 * 3550 §5.3.1, or one of the two element forms of RFC 8285.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |  length (32-bit words after)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     content (length words)                    |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * One-byte form (RFC 8285 §4.2): profile 0xBEDE, each element one header byte
 * (ID 1..14, L = data bytes - 1), zero bytes are padding:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0xBE    |    0xDE       |           length=2            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID=1 | L=0   |     data      |  ID=2 | L=3   |     data      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 ...data                       |    0 (pad)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Two-byte form (RFC 8285 §4.3): profile 0x100 then 4 application bits, each element an id
 * byte (1..255) and a length byte (0..255 data bytes), zero bytes are padding:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         0x100         |appbits|           length=2            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     ID=1      |     L=0       |     ID=2      |     L=2       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             data              |    0 (pad)    |    0 (pad)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>An extension is immutable. Its {@link #form()} follows from the profile field: {@code
 * 0xBEDE} is {@link Form#ONE_BYTE}, {@code 0x1000..0x100F} is {@link Form#TWO_BYTE}, and anything
 * else is {@link Form#GENERIC}, whose content is kept as raw bytes. The RFC 8285 forms hold an
 * ordered list of {@link RtpExtensionElement}s with distinct ids.
 *
 * <h2>Canonical form</h2>
 *
 * Serialization packs the elements in order with no padding between them, then pads with zero
 * bytes to a 32-bit boundary. Parsing such bytes and serializing the result gives the same bytes;
 * parsing other well-formed bytes (padding between elements, spare zero words, elements after an
 * id 15) keeps the elements and serializes them canonically.
 *
 * <h2>Malformed elements</h2>
 *
 * When parsing an RFC 8285 form, an element whose length runs past the end of the extension, a
 * two-byte element whose length byte is missing, and an id that an earlier element already used
 * are {@link RtpParseException.Reason#BAD_EXTENSION}. In the one-byte form, id 15 ends processing
 * and the bytes after it are ignored (RFC 8285 §4.2); a non-zero byte whose id is 0 (neither
 * padding nor an element) ends processing the same way, as libwebrtc does.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-5.3.1">RFC 3550 §5.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8285#section-4">RFC 8285 §4</a>
 */
public final class RtpHeaderExtension {
  /** The layout of an extension's content. */
  public enum Form {
    /** RFC 8285 §4.2: profile {@code 0xBEDE}; ids 1..14 with 1..16 data bytes. */
    ONE_BYTE,
    /** RFC 8285 §4.3: profile {@code 0x100} and 4 application bits; ids 1..255, 0..255 bytes. */
    TWO_BYTE,
    /** RFC 3550 §5.3.1: any other profile; the content is opaque and kept raw. */
    GENERIC
  }

  /** The profile field of the one-byte form. */
  public static final int ONE_BYTE_PROFILE = RtpWire.ONE_BYTE_PROFILE;
  /** The profile field of the two-byte form with all application bits zero. */
  public static final int TWO_BYTE_PROFILE = RtpWire.TWO_BYTE_PROFILE;
  /** The largest one-byte form id (15 is reserved). */
  public static final int MAX_ONE_BYTE_ID = 14;
  /** The most data bytes an element of the one-byte form carries. */
  public static final int MAX_ONE_BYTE_DATA_LENGTH = 16;
  /** The size of the profile and length fields. */
  public static final int HEADER_LENGTH = 4;
  /** The most content bytes the 16-bit length field describes. */
  public static final int MAX_CONTENT_LENGTH = 0xFFFF * 4;

  private final Form form;
  private final int profile;
  private final List<RtpExtensionElement> elements;
  private final byte[] rawContent;
  private final int contentLength;

  private RtpHeaderExtension(
      Form form, int profile, List<RtpExtensionElement> elements, byte[] rawContent) {
    this.form = form;
    this.profile = profile;
    this.elements = elements;
    this.rawContent = rawContent;
    this.contentLength = rawContent != null ? rawContent.length : packedLength(form, elements);
  }

  /**
   * A one-byte form extension holding {@code elements}, in that order.
   *
   * @throws IllegalArgumentException if two elements share an id, or one does not fit the
   *     one-byte form (id above 14, no data or more than 16 bytes)
   */
  public static RtpHeaderExtension oneByte(List<RtpExtensionElement> elements) {
    List<RtpExtensionElement> copy = distinctElements(elements);
    for (RtpExtensionElement element : copy) {
      requireOneByteFit(element.id(), element.dataLength());
    }
    return new RtpHeaderExtension(Form.ONE_BYTE, ONE_BYTE_PROFILE, copy, null);
  }

  /**
   * A two-byte form extension holding {@code elements}, in that order.
   *
   * @param appBits the 4 application-dependent bits of the profile field (RFC 8285 §4.3)
   * @throws IllegalArgumentException if two elements share an id or appBits is not 0..15
   */
  public static RtpHeaderExtension twoByte(int appBits, List<RtpExtensionElement> elements) {
    FieldChecks.range(appBits, 0, 15, "appBits");
    return new RtpHeaderExtension(
        Form.TWO_BYTE, TWO_BYTE_PROFILE | appBits, distinctElements(elements), null);
  }

  /**
   * The smallest RFC 8285 form that holds {@code elements}: one-byte if every element fits it,
   * else two-byte with application bits 0.
   *
   * @throws IllegalArgumentException if two elements share an id
   */
  public static RtpHeaderExtension of(List<RtpExtensionElement> elements) {
    List<RtpExtensionElement> copy = distinctElements(elements);
    boolean oneByte = copy.stream().allMatch(RtpExtensionElement::fitsOneByteForm);
    return oneByte
        ? new RtpHeaderExtension(Form.ONE_BYTE, ONE_BYTE_PROFILE, copy, null)
        : new RtpHeaderExtension(Form.TWO_BYTE, TWO_BYTE_PROFILE, copy, null);
  }

  /**
   * An RFC 3550 extension with opaque content.
   *
   * @param profile the 16-bit profile-defined field; not {@code 0xBEDE} or {@code
   *     0x1000..0x100F}, which announce the RFC 8285 forms (use {@link #oneByte} or {@link
   *     #twoByte})
   * @param content whole 32-bit words, at most {@link #MAX_CONTENT_LENGTH} bytes (copied)
   * @throws IllegalArgumentException if a value is out of range
   */
  public static RtpHeaderExtension generic(int profile, byte[] content) {
    FieldChecks.u16(profile, "profile");
    if (RtpWire.isRfc8285(profile)) {
      throw new IllegalArgumentException(
          String.format("profile 0x%04x announces an RFC 8285 form: use oneByte() or twoByte()",
              profile));
    }
    byte[] copy = FieldChecks.bytes(content, MAX_CONTENT_LENGTH, "extension content");
    if (copy.length % 4 != 0) {
      throw new IllegalArgumentException(
          "extension content must be whole 32-bit words, was " + copy.length + " bytes");
    }
    return new RtpHeaderExtension(Form.GENERIC, profile, List.of(), copy);
  }

  /** Whether the one-byte form can carry an element with this id and data length. */
  public static boolean fitsOneByteForm(int id, int dataLength) {
    return id >= 1
        && id <= MAX_ONE_BYTE_ID
        && dataLength >= 1
        && dataLength <= MAX_ONE_BYTE_DATA_LENGTH;
  }

  /** The layout of the content. */
  public Form form() {
    return form;
  }

  /** The 16-bit profile-defined field ({@code 0xBEDE}, {@code 0x100X}, or any other value). */
  public int profile() {
    return profile;
  }

  /** The 4 application bits of the two-byte form's profile field; 0 for the other forms. */
  public int appBits() {
    return form == Form.TWO_BYTE ? profile & 0x0F : 0;
  }

  /** The elements in wire order (immutable); empty for the generic form. */
  public List<RtpExtensionElement> elements() {
    return elements;
  }

  /**
   * A copy of the data of the element with this id; empty if there is none, and always for the
   * generic form.
   */
  public Optional<byte[]> get(int id) {
    int index = indexOf(id);
    return index < 0 ? Optional.empty() : Optional.of(elements.get(index).data());
  }

  /**
   * This extension with the element {@code id} set to {@code data}: replaced where it stands if
   * present, otherwise appended.
   *
   * @throws IllegalArgumentException if the element does not fit this form (see {@link
   *     #toTwoByteForm()} for one-byte elements that outgrow theirs)
   * @throws IllegalStateException for the generic form, which has no elements
   */
  public RtpHeaderExtension with(int id, byte[] data) {
    requireElementForm("add an element to");
    RtpExtensionElement element = new RtpExtensionElement(id, data);
    if (form == Form.ONE_BYTE) {
      requireOneByteFit(id, element.dataLength());
    }
    List<RtpExtensionElement> next = new ArrayList<>(elements);
    int index = indexOf(id);
    if (index >= 0) {
      next.set(index, element);
    } else {
      next.add(element);
    }
    return new RtpHeaderExtension(form, profile, List.copyOf(next), null);
  }

  /** This extension without the element {@code id}; itself if there is no such element. */
  public RtpHeaderExtension without(int id) {
    int index = indexOf(id);
    if (index < 0) {
      return this;
    }
    List<RtpExtensionElement> next = new ArrayList<>(elements);
    next.remove(index);
    return new RtpHeaderExtension(form, profile, List.copyOf(next), null);
  }

  /**
   * The same elements in the two-byte form (application bits 0), which takes ids up to 255 and
   * up to 255 data bytes (or none); a two-byte extension returns itself.
   *
   * @throws IllegalStateException for the generic form
   */
  public RtpHeaderExtension toTwoByteForm() {
    requireElementForm("convert");
    return form == Form.TWO_BYTE
        ? this
        : new RtpHeaderExtension(Form.TWO_BYTE, TWO_BYTE_PROFILE, elements, null);
  }

  /** The content's size in bytes, a multiple of 4 (without the 4-byte profile and length). */
  public int contentLength() {
    return contentLength;
  }

  /** The serialized size: 4 bytes of profile and length, then the content. */
  public int length() {
    return HEADER_LENGTH + contentLength;
  }

  /** The content as serialized: the raw bytes, or the canonically packed elements. */
  public byte[] content() {
    byte[] content = new byte[contentLength];
    writeContent(content, 0);
    return content;
  }

  /**
   * Writes the extension (profile, length, content) at {@code offset}.
   *
   * @return the number of bytes written, {@link #length()}
   * @throws IllegalArgumentException if it does not fit
   */
  public int serialize(byte[] destination, int offset) {
    RtpWire.checkRange(destination, offset, length());
    RtpWire.putU16(destination, offset, profile);
    RtpWire.putU16(destination, offset + 2, contentLength / 4);
    writeContent(destination, offset + HEADER_LENGTH);
    return length();
  }

  /** The extension's wire form. */
  public byte[] serialize() {
    byte[] bytes = new byte[length()];
    serialize(bytes, 0);
    return bytes;
  }

  /**
   * Reads the extension whose header starts at {@code start} and whose content ends at {@code
   * end}, bounds {@link RtpWire#headerLength} already checked.
   *
   * @throws RtpParseException {@link RtpParseException.Reason#BAD_EXTENSION} for malformed
   *     RFC 8285 elements
   */
  static RtpHeaderExtension decode(byte[] buffer, int start, int end) throws RtpParseException {
    int profile = RtpWire.u16(buffer, start);
    int contentStart = start + HEADER_LENGTH;
    if (!RtpWire.isRfc8285(profile)) {
      return new RtpHeaderExtension(
          Form.GENERIC, profile, List.of(), Arrays.copyOfRange(buffer, contentStart, end));
    }
    boolean oneByte = profile == ONE_BYTE_PROFILE;
    List<RtpExtensionElement> found = new ArrayList<>();
    int code =
        RtpWire.walkElements(
            buffer,
            contentStart,
            end,
            oneByte,
            (id, offset, length) ->
                found.add(
                    new RtpExtensionElement(
                        id, Arrays.copyOfRange(buffer, offset, offset + length))));
    if (code < 0) {
      throw RtpWire.failure(code, "in an extension of " + (end - start) + " bytes");
    }
    return new RtpHeaderExtension(
        oneByte ? Form.ONE_BYTE : Form.TWO_BYTE, profile, List.copyOf(found), null);
  }

  private void writeContent(byte[] destination, int offset) {
    if (rawContent != null) {
      System.arraycopy(rawContent, 0, destination, offset, rawContent.length);
      return;
    }
    int position = offset;
    for (RtpExtensionElement element : elements) {
      if (form == Form.ONE_BYTE) {
        destination[position++] = (byte) (element.id() << 4 | (element.dataLength() - 1));
      } else {
        destination[position++] = (byte) element.id();
        destination[position++] = (byte) element.dataLength();
      }
      element.writeData(destination, position);
      position += element.dataLength();
    }
    Arrays.fill(destination, position, offset + contentLength, (byte) 0);
  }

  private static int packedLength(Form form, List<RtpExtensionElement> elements) {
    int perElement = form == Form.ONE_BYTE ? 1 : 2;
    int length = 0;
    for (RtpExtensionElement element : elements) {
      length += perElement + element.dataLength();
    }
    return (length + 3) & ~3;
  }

  private int indexOf(int id) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i).id() == id) {
        return i;
      }
    }
    return -1;
  }

  private void requireElementForm(String action) {
    if (form == Form.GENERIC) {
      throw new IllegalStateException(
          "cannot " + action + " a generic (RFC 3550) extension: it has no RFC 8285 elements");
    }
  }

  private static void requireOneByteFit(int id, int dataLength) {
    if (!fitsOneByteForm(id, dataLength)) {
      throw new IllegalArgumentException(
          "element id "
              + id
              + " with "
              + dataLength
              + " data bytes does not fit the one-byte form (ids 1..14, 1..16 bytes):"
              + " convert with toTwoByteForm() first");
    }
  }

  private static List<RtpExtensionElement> distinctElements(List<RtpExtensionElement> elements) {
    if (elements == null) {
      throw new IllegalArgumentException("extension elements are null");
    }
    Set<Integer> ids = new HashSet<>();
    for (RtpExtensionElement element : elements) {
      if (element == null) {
        throw new IllegalArgumentException("extension elements hold a null");
      }
      if (!ids.add(element.id())) {
        throw new IllegalArgumentException("two extension elements share id " + element.id());
      }
    }
    return List.copyOf(elements);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtpHeaderExtension that
        && form == that.form
        && profile == that.profile
        && elements.equals(that.elements)
        && Arrays.equals(rawContent, that.rawContent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(form, profile, elements) * 31 + Arrays.hashCode(rawContent);
  }

  @Override
  public String toString() {
    String body =
        form == Form.GENERIC
            ? "content=" + HexFormat.of().formatHex(rawContent)
            : "elements=" + elements;
    return String.format("RtpHeaderExtension[%s, profile=0x%04x, %s]", form, profile, body);
  }
}
