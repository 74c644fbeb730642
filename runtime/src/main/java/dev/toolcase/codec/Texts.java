package dev.toolcase.codec;

/** Text for messages. */
final class Texts {

  private Texts() {}

  /** {@code text} quoted, shortened to 60 characters, for a message. */
  static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** {@code line L, column C} of an offset in {@code text}. */
  static String where(String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }
}
