package dev.toolcase.store;

/**
 * A stored thread that cannot be read: a file cut short or holding bytes that are not UTF-8, a
 * header or event that does not parse, a directory where the file should be. Only that thread is
 * affected: the store lists the others, and names this one among the unreadable.
 */
public final class DamagedThreadException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** The thread's id. */
  private final String id;
  /** Where it is stored: a file, or a table's rows. */
  private final String location;

  /**
   * A thread that cannot be read.
   *
   * @param id the thread's id
   * @param location where it is stored, for the operator's log
   * @param why what is wrong with it
   * @param cause the underlying exception, or {@code null}
   */
  public DamagedThreadException(String id, String location, String why, Throwable cause) {
    super("thread " + id + " is damaged: " + why, cause);
    this.id = id;
    this.location = location;
  }

  /**
   * The thread's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Where the thread is stored: a file's path, or a table's rows.
   *
   * @return the location
   */
  public String location() {
    return location;
  }
}
