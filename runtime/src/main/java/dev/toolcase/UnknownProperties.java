package dev.toolcase;

/** What reading a model's output does with properties that no component names. */
public enum UnknownProperties {
  /** Ignore them, and name each in the repairs: models add fields such as {@code reason}. */
  IGNORE,
  /** Refuse the output with a problem per unknown property, naming the expected ones. */
  REJECT
}
