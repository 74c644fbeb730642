package dev.toolcase.benchmarks.mcp;

import dev.toolcase.Tool;

/** Does nothing. */
@Tool("Does nothing")
public record Noop() implements IdleNextStep {}
