package dev.toolcase.codec;

/** Finds the one enum constant a free-text answer names, such as {@code "production: the live site"}. */
final class EnumText {

  private EnumText() {}

  /**
   * The constant whose name starts {@code text} (ignoring case) followed by a character that
   * cannot continue a name, provided no other constant's name appears as a word of its own in the
   * text (a hyphenated word such as {@code pre-release} is one word, not the constant
   * {@code release}).
   *
   * @param names the constants' JSON names
   * @return the index of the constant, or -1 when none or several are named
   */
  static int describedConstant(String text, String[] names) {
    String trimmed = text.trim();
    int leading = -1;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (trimmed.regionMatches(true, 0, name, 0, name.length())
          && (trimmed.length() == name.length() || !isNamePart(trimmed.charAt(name.length())))) {
        if (leading < 0 || name.length() > names[leading].length()) {
          leading = i;
        }
      }
    }
    if (leading < 0) {
      return -1;
    }
    for (int i = 0; i < names.length; i++) {
      if (i != leading && !names[i].isEmpty() && containsWord(trimmed, names[i])) {
        return -1;
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
      boolean startOk = at == 0 || !isWordPart(text.charAt(at - 1));
      int end = at + word.length();
      boolean endOk = end == text.length() || !isWordPart(text.charAt(end));
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

  /** A hyphen joins the parts of one word: {@code pre-release}. */
  private static boolean isWordPart(char c) {
    return isNamePart(c) || c == '-';
  }
}
