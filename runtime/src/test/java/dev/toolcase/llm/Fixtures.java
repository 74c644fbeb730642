package dev.toolcase.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/** Recorded provider bodies under {@code src/test/resources/dev/toolcase/llm}. */
final class Fixtures {

  private Fixtures() {}

  /** The text of a fixture, such as {@code openai/text.json}. */
  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A jitter source that always draws the middle of the range. */
  static RandomGenerator half() {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return 0.5;
      }
    };
  }
}
