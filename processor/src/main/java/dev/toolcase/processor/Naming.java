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
}
