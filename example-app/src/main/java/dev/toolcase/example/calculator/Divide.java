package dev.toolcase.example.calculator;

import dev.toolcase.Tool;

/** Divide a by b. */
@Tool("Divide a by b")
public record Divide(double a, double b) implements CalculatorNextStep {}
