package dev.toolcase.store;

import java.security.SecureRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/** What both stores share: thread ids and the lookup of an agent's event format. */
final class ThreadIds {

  /** A thread id: {@code th_} and 26 base32 characters, 130 random bits. */
  static final Pattern PATTERN = Pattern.compile("th_[a-z2-7]{26}");

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ThreadIds() {}

  /** A fresh id that no one can guess. */
  static String next() {
    StringBuilder id = new StringBuilder("th_");
    for (int i = 0; i < 26; i++) {
      id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return id.toString();
  }

  /**
   * The event format of {@code agent}.
   *
   * @throws StoreException if there is none
   */
  static EventFormat formatOf(Function<String, ? extends EventFormat> formats, String agent) {
    EventFormat format = formats.apply(agent);
    if (format == null) {
      throw new StoreException("no event format for agent \"" + agent + "\"", null);
    }
    return format;
  }
}
