package dev.toolcase.codec;

/**
 * The one rule by which names a model writes meet the names the code knows, for property names,
 * tool names and discriminators alike: exactly first, and otherwise in the loose form, which
 * ignores case and the separators {@code _}, {@code -}, {@code .} and whitespace, so
 * {@code deploy-backend}, {@code DeployBackend}, {@code deploy backend} and {@code deploy_backend}
 * meet, and so do {@code math.factorial} and the {@code math_factorial} a provider needs. The
 * processor's test and the runtime's test pin the same table of cases.
 */
public final class Names {

  private Names() {}

  /**
   * The loose form of a name: lower case, without {@code _}, {@code -}, {@code .} and whitespace.
   *
   * @param name a name
   * @return its loose form
   */
  public static String loose(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == '_' || c == '-' || c == '.' || Character.isWhitespace(c);
      if (out == null && (separator || Character.toLowerCase(c) != c)) {
        out = new StringBuilder(name.length()).append(name, 0, i);
      }
      if (out != null && !separator) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out == null ? name : out.toString();
  }

  /**
   * Whether two names have the same loose form, without making either: the question asked of
   * every property of every object read.
   *
   * @param a a name
   * @param b another
   * @return whether {@code loose(a).equals(loose(b))}
   */
  public static boolean looseEquals(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && isSeparator(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isSeparator(b.charAt(j))) {
        j++;
      }
      if (i == a.length() || j == b.length()) {
        return i == a.length() && j == b.length();
      }
      char x = a.charAt(i++);
      char y = b.charAt(j++);
      if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
        return false;
      }
    }
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || Character.isWhitespace(c);
  }

  /**
   * The index of {@code name} among {@code names}: the exact one, else the one whose loose form
   * is the same.
   *
   * @param name the name a model wrote
   * @param names the names known
   * @return the index, or -1 when none matches, or -2 when several match loosely
   */
  public static int indexOf(String name, String[] names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    int found = -1;
    for (int i = 0; i < names.length; i++) {
      if (looseEquals(names[i], name)) {
        if (found >= 0) {
          return -2;
        }
        found = i;
      }
    }
    return found;
  }
}
