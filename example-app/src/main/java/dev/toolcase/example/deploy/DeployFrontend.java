package dev.toolcase.example.deploy;

import dev.toolcase.Param;
import dev.toolcase.Tool;

/** Deploys a frontend tag. */
@Tool("Deploy a frontend tag to an environment")
public record DeployFrontend(
    @Param("git tag to deploy, e.g. v1.2.3") String tag,
    Environment environment) implements DeployBotNextStep, ReleaseBotNextStep {}
