package dev.toolcase.example.calculator;

import dev.toolcase.Tool;

/** Subtract b from a. */
@Tool("Subtract b from a")
public record Subtract(double a, double b) implements CalculatorNextStep {}
