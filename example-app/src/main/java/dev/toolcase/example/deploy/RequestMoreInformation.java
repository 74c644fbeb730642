package dev.toolcase.example.deploy;

import dev.toolcase.HumanContact;
import dev.toolcase.Tool;

/** Asks the human; the thread pauses until they answer. */
@Tool("Ask a human for information; the thread pauses until they answer")
public record RequestMoreInformation(String message) implements DeployBotNextStep, ReleaseBotNextStep, HumanContact {}
