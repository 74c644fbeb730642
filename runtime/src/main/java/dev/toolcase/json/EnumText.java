package dev.toolcase.json;

/** Finds the one enum constant a free-text answer names, such as {@code "production: the live site"}. */
final class EnumText {

  private EnumText() {}

  /**
   * The constant whose name starts {@code text} (ignoring case) followed by a character that
   * cannot continue a name, provided no other constant's name appears as a word in the text.
   * {@code null} when none or several are named.
   */
  static <E extends Enum<E>> E describedConstant(String text, E[] constants) {
    String trimmed = text.trim();
    E leading = null;
    for (E constant : constants) {
      String name = constant.name();
      if (trimmed.regionMatches(true, 0, name, 0, name.length())
          && (trimmed.length() == name.length() || !isNamePart(trimmed.charAt(name.length())))) {
        if (leading == null || name.length() > leading.name().length()) {
          leading = constant;
        }
      }
    }
    if (leading == null) {
      return null;
    }
    for (E constant : constants) {
      if (constant != leading && containsWord(trimmed, constant.name())) {
        return null;
      }
    }
    return leading;
  }

  private static boolean containsWord(String text, String word) {
    int from = 0;
    while (true) {
      int at = indexOfIgnoreCase(text, word, from);
      if (at < 0) {
        return false;
      }
      boolean startOk = at == 0 || !isNamePart(text.charAt(at - 1));
      int end = at + word.length();
      boolean endOk = end == text.length() || !isNamePart(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = at + 1;
    }
  }

  private static int indexOfIgnoreCase(String text, String word, int from) {
    for (int i = from; i + word.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
