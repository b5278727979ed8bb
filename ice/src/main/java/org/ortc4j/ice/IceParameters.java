package org.ortc4j.ice;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The ICE username fragment and password of one side, as exchanged in signalling.
 *
 * <p>The constructor checks the rules libwebrtc enforces, so that a remote peer's bad
 * parameters are refused at {@link IceAgent#start} with a message naming the rule: the ufrag
 * has 4 to 256 characters, the password 22 to 256, both from the ICE character set ({@code
 * A-Z a-z 0-9 + /}).
 *
 * @param usernameFragment the ufrag
 * @param password the password
 * @param iceLite whether that side is an ICE-lite implementation (informational here)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8839#section-5.4">RFC 8839 §5.4</a>
 */
public record IceParameters(String usernameFragment, String password, boolean iceLite) {
  /** Minimum ufrag length (RFC 8445 §5.3). */
  public static final int MIN_UFRAG_LENGTH = 4;
  /** Minimum password length (RFC 8445 §5.3). */
  public static final int MIN_PASSWORD_LENGTH = 22;
  /** Maximum length of either value (RFC 8839 §5.4). */
  public static final int MAX_LENGTH = 256;

  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if a length or character rule is broken
   */
  public IceParameters {
    Objects.requireNonNull(usernameFragment, "usernameFragment");
    Objects.requireNonNull(password, "password");
    check("ufrag", usernameFragment, MIN_UFRAG_LENGTH);
    check("password", password, MIN_PASSWORD_LENGTH);
  }

  /** Fresh parameters from a CSPRNG: an 8-character ufrag and a 24-character password. */
  public static IceParameters random() {
    return new IceParameters(randomIceString(8), randomIceString(24), false);
  }

  private static String randomIceString(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length()));
    }
    return new String(chars);
  }

  private static void check(String what, String value, int min) {
    if (value.length() < min) {
      throw new IllegalArgumentException(
          what + " must be at least " + min + " characters, got " + value.length());
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(
            what + " must use only ICE characters (A-Z a-z 0-9 + /), found '"
                + value.charAt(i) + "'");
      }
    }
  }

  /** Hides the password. */
  @Override
  public String toString() {
    return "IceParameters[usernameFragment=" + usernameFragment + ", password=<hidden>, iceLite="
        + iceLite + "]";
  }
}
