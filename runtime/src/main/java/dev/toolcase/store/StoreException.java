package dev.toolcase.store;

/** A store could not read or write: an I/O or database failure, or a damaged stored thread. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure described by {@code message}, caused by {@code cause} (may be {@code null}).
   *
   * @param message what failed
   * @param cause the underlying exception, or {@code null}
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
