package dev.toolcase.example.deploy;

import dev.toolcase.Param;
import dev.toolcase.Tool;

/** Deploys a backend tag. */
@Tool("Deploy a backend tag to an environment")
public record DeployBackend(
    @Param("git tag to deploy, e.g. v1.2.3") String tag,
    Environment environment) implements DeployBotNextStep, ReleaseBotNextStep {}
