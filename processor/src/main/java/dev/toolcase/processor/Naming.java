package dev.toolcase.processor;

import java.util.Locale;

/** Names derived from Java names: intents, discriminators and generated member names. */
final class Naming {

  /** The discriminator property of a tool in its union. */
  static final String INTENT = "intent";

  /** The discriminator property of a member of a nested sealed interface. */
  static final String NESTED_DISCRIMINATOR = "type";

  /** The property that wraps the union in {@code UNION_SCHEMA}. */
  static final String UNION_WRAPPER = "next_step";

  private Naming() {}

  /** snake_case of a simple name: {@code DeployBackend} gives {@code deploy_backend}. */
  static String intentOf(String simpleName) {
    StringBuilder out = new StringBuilder(simpleName.length() + 4);
    for (int i = 0; i < simpleName.length(); i++) {
      char c = simpleName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(simpleName.charAt(i - 1));
        boolean acronymEnd = i > 0 && i + 1 < simpleName.length()
            && Character.isUpperCase(simpleName.charAt(i - 1))
            && Character.isLowerCase(simpleName.charAt(i + 1));
        if ((afterLower || acronymEnd) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** lowerCamelCase of a simple name: {@code DeployBackend} gives {@code deployBackend}. */
  static String lowerCamel(String simpleName) {
    return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
  }

  /** UPPER_SNAKE of an intent, for constant names: {@code deploy_backend} gives {@code DEPLOY_BACKEND}. */
  static String constant(String intent) {
    return intent.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Whether {@code intent} is a valid tool name for both providers. */
  static boolean isValidIntent(String intent) {
    return intent.matches("[a-zA-Z0-9_-]{1,64}");
  }

  /**
   * The name providers get for a tool named {@code name}: the name itself when valid; with each
   * dot made {@code _} when that makes it valid (real catalogues name tools {@code math.factorial},
   * which no provider takes); otherwise {@code null}. Decoding accepts the name either way, since
   * the loose form of a name ignores dots and underscores alike.
   */
  static String providerName(String name) {
    if (isValidIntent(name)) {
      return name;
    }
    String mapped = name.replace('.', '_');
    return name.indexOf('.') >= 0 && isValidIntent(mapped) ? mapped : null;
  }

  /** A valid tool name close to {@code name}, to suggest in a message. */
  static String suggestedName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && out.length() < 64; i++) {
      char c = name.charAt(i);
      boolean valid = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
      if (valid) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    return out.isEmpty() ? "tool" : out.toString();
  }

  /**
   * The loose form of a name, as the runtime's {@code Names.loose} makes it: lower case, without
   * {@code _}, {@code -}, {@code .} and whitespace. Two names of one object, or two tools of one
   * prompt, whose loose forms are equal cannot be told apart in a model's answer.
   */
  static String loose(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '_' || c == '-' || c == '.' || Character.isWhitespace(c))) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }
}
