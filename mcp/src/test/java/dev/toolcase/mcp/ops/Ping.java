package dev.toolcase.mcp.ops;

import dev.toolcase.Tool;

/** Does nothing. */
@Tool("Does nothing and answers pong")
public record Ping() implements OpsNextStep {}
