package dev.toolcase.json;

import java.util.Locale;

/** Name normalisation shared by property matching and discriminators. */
final class Names {

  private Names() {}

  /** Lower case without {@code _}, {@code -} and whitespace: {@code Team_ID} and {@code teamId} meet. */
  static String loose(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /**
   * snake_case: trimmed, camelCase split, lower-cased, {@code -} and whitespace runs as {@code _}.
   * {@code DeployBackend}, {@code deploy-backend} and {@code deploy backend} all give
   * {@code deploy_backend}.
   */
  static String snake(String name) {
    String text = name.trim();
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' || c == '_' || Character.isWhitespace(c)) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
      } else if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && Character.isLowerCase(text.charAt(i - 1));
        boolean beforeLower =
            i > 0 && Character.isUpperCase(text.charAt(i - 1))
                && i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
        if ((afterLower || beforeLower || (i > 0 && Character.isDigit(text.charAt(i - 1))))
            && !out.isEmpty() && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(Character.toLowerCase(c));
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '_') {
      end--;
    }
    return out.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
