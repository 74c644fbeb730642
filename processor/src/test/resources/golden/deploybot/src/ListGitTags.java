package dev.toolcase.example.deploy;

import dev.toolcase.Tool;

/** Lists the release tags of the repository. */
@Tool("List the git tags of the repository, newest first")
public record ListGitTags() implements DeployBotNextStep {}
