package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.Status;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The process {@link StoreCrashTest} kills: writers on several threads append to their own
 * threads as fast as they can and print {@code ack <id> <version>} after each write the store
 * acknowledged. Runs until killed.
 */
public final class StoreCrashChild {

  private StoreCrashChild() {}

  /** {@code file <directory>} or {@code jdbc <url> <user> <password>}. */
  public static void main(String[] args) {
    ThreadStore store = args[0].equals("file")
        ? new FileThreadStore(Path.of(args[1]), agent -> TextEvents.FORMAT)
        : JdbcThreadStore.connect(args[1], args[2], args[3], agent -> TextEvents.FORMAT);
    PrintStream out = System.out;
    for (int writer = 0; writer < 6; writer++) {
      Thread.ofPlatform().start(() -> {
        AgentThread first = AgentThread.empty().append(event(1));
        StoredThread thread = store.create("crash", first, Status.RUNNING);
        acknowledge(out, thread);
        while (true) {
          thread = store.append(thread.id(), thread.version(),
              List.of(event(thread.version() + 1)), Status.RUNNING, null);
          acknowledge(out, thread);
        }
      });
    }
  }

  /** Event number {@code n} of a thread: its data names its place. */
  static Event event(long n) {
    return new Event("step", "event " + n, Instant.EPOCH.plusSeconds(n));
  }

  private static void acknowledge(PrintStream out, StoredThread thread) {
    synchronized (out) {
      out.println("ack " + thread.id() + " " + thread.version());
      out.flush();
    }
  }
}
