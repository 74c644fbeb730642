package dev.toolcase.example;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options after a command: {@code --name value} pairs and bare flags; a later value of the
 * same option wins.
 */
record Flags(Map<String, String> values, Set<String> flags) {

  /**
   * Reads {@code args} from index 1 (0 is the command).
   *
   * @throws IllegalArgumentException for an option without its value, or one not in either set
   */
  static Flags parse(String[] args, Set<String> valued, Set<String> bare) {
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      if (bare.contains(option)) {
        flags.add(option);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      if (!valued.contains(option)) {
        throw new IllegalArgumentException("unknown option " + option);
      }
      values.put(option, args[++i]);
    }
    return new Flags(values, flags);
  }

  /** The option's value, or {@code otherwise} when it was not given. */
  String value(String option, String otherwise) {
    return values.getOrDefault(option, otherwise);
  }

  /** Whether the bare flag was given. */
  boolean has(String flag) {
    return flags.contains(flag);
  }
}
