package dev.toolcase.store;

import java.util.List;

/**
 * A page of threads, and the ids of those that could not be read, which the page leaves out.
 *
 * @param threads the threads' summaries, newest first
 * @param unreadable the ids of damaged threads left out
 */
public record ThreadList(List<ThreadSummary> threads, List<String> unreadable) {

  /** Copies the lists. */
  public ThreadList {
    threads = List.copyOf(threads);
    unreadable = List.copyOf(unreadable);
  }
}
