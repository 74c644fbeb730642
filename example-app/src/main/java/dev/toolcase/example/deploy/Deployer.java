package dev.toolcase.example.deploy;

import dev.toolcase.json.Json;
import tools.jackson.databind.node.ArrayNode;

/**
 * Runs the steps of the deployment bot, and of the release bot that shares its tools, against
 * {@link DeployTargets}.
 */
public final class Deployer implements DeployBotHandler<Object>, ReleaseBotHandler<Object> {

  private final DeployTargets targets;

  /** A handler deploying to {@code targets}. */
  public Deployer(DeployTargets targets) {
    this.targets = targets;
  }

  @Override
  public Object listGitTags(ListGitTags call) {
    return tags(targets);
  }

  /** The tags of {@code targets}, newest first, as the result of {@code list_git_tags}. */
  public static ArrayNode tags(DeployTargets targets) {
    ArrayNode tags = Json.mapper().createArrayNode();
    targets.tags().forEach(tags::add);
    return tags;
  }

  @Override
  public Object deployBackend(DeployBackend call) {
    return targets.deployBackend(call.tag(), call.environment());
  }

  @Override
  public Object deployFrontend(DeployFrontend call) {
    return targets.deployFrontend(call.tag(), call.environment());
  }

  @Override
  public Object requestMoreInformation(RequestMoreInformation call) {
    return call.message();
  }

  @Override
  public Object doneForNow(DoneForNow call) {
    return call.message();
  }
}
