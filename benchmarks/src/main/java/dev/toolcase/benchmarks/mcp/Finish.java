package dev.toolcase.benchmarks.mcp;

import dev.toolcase.FinalAnswer;
import dev.toolcase.Tool;

/** Ends the thread. */
@Tool("Finish with a message")
public record Finish(String message) implements IdleNextStep, FinalAnswer {}
