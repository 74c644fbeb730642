package dev.toolcase.example.deploy;

import dev.toolcase.FinalAnswer;
import dev.toolcase.Tool;

/** Ends the thread with a message. */
@Tool("Finish and tell the human the result")
public record DoneForNow(String message) implements DeployBotNextStep, ReleaseBotNextStep, FinalAnswer {}
