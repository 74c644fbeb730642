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
    String wanted = loose(name);
    int found = -1;
    for (int i = 0; i < names.length; i++) {
      if (loose(names[i]).equals(wanted)) {
        if (found >= 0) {
          return -2;
        }
        found = i;
      }
    }
    return found;
  }
}
