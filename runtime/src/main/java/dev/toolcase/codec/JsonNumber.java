package dev.toolcase.codec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, kept as the text it was written as ({@code 1E5}, {@code 01234}), so a number
 * read into a string keeps its digits and no conversion passes through a {@code double} it does not
 * ask for.
 *
 * @param text the number's text: JSON's grammar, or a form the lenient reader accepts (a leading
 *     {@code +} or zeros)
 */
public record JsonNumber(String text) implements JsonValue {

  /** Checks the text is present. */
  public JsonNumber {
    Objects.requireNonNull(text, "text");
  }

  /**
   * The exact value.
   *
   * @return the value as a decimal
   * @throws NumberFormatException if the text is not a number
   */
  public BigDecimal decimal() {
    return new BigDecimal(text);
  }

  /**
   * Whether the text has no fraction and no exponent.
   *
   * @return true for {@code 12}, false for {@code 12.0} and {@code 1e3}
   */
  public boolean isIntegerText() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return text;
  }
}
