package dev.toolcase.llm;

import java.time.Duration;

/**
 * Waits between retries. Tests inject one that records the waits instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given duration.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real thing: {@link Thread#sleep(Duration)}.
   *
   * @return a sleeper that sleeps
   */
  static Sleeper system() {
    return Thread::sleep;
  }
}
