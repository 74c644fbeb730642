package dev.toolcase.example.calculator;

import dev.toolcase.Tool;

/** a + b. */
@Tool("Add two numbers")
public record Add(double a, double b) implements CalculatorNextStep {}
