package dev.toolcase.example.deploy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stand-ins for a git remote and two deploy targets: the tools really change this
 * state, only the model is recorded. Thread-safe, so a server can share one.
 */
public final class DeployTargets {

  private final List<String> tags;
  private final Map<Environment, String> backend = new EnumMap<>(Environment.class);
  private final Map<Environment, String> frontend = new EnumMap<>(Environment.class);
  private final List<String> log = new ArrayList<>();

  /** Targets over these git tags, newest first. */
  public DeployTargets(List<String> tags) {
    this.tags = List.copyOf(tags);
  }

  /** The example's repository: three release tags. */
  public static DeployTargets example() {
    return new DeployTargets(List.of("v1.4.2", "v1.4.1", "v1.3.0"));
  }

  /** The git tags, newest first. */
  public List<String> tags() {
    return tags;
  }

  /** Deploys a backend tag; an unknown tag is an error the model sees. */
  public synchronized String deployBackend(String tag, Environment environment) {
    return deploy("backend", backend, tag, environment);
  }

  /** Deploys a frontend tag; an unknown tag is an error the model sees. */
  public synchronized String deployFrontend(String tag, Environment environment) {
    return deploy("frontend", frontend, tag, environment);
  }

  private String deploy(String what, Map<Environment, String> target, String tag, Environment environment) {
    if (!tags.contains(tag)) {
      throw new IllegalArgumentException("no git tag " + tag + "; the tags are " + tags);
    }
    target.put(environment, tag);
    String entry = "deployed " + what + " " + tag + " to " + environment;
    log.add(entry);
    return entry;
  }

  /** The backend tag running in {@code environment}, if any. */
  public synchronized Optional<String> backendIn(Environment environment) {
    return Optional.ofNullable(backend.get(environment));
  }

  /** The frontend tag running in {@code environment}, if any. */
  public synchronized Optional<String> frontendIn(Environment environment) {
    return Optional.ofNullable(frontend.get(environment));
  }

  /** Every deploy so far, in order. */
  public synchronized List<String> log() {
    return List.copyOf(log);
  }
}
