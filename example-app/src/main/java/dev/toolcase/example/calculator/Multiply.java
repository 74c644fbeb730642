package dev.toolcase.example.calculator;

import dev.toolcase.Tool;

/** Multiply two numbers. */
@Tool("Multiply two numbers")
public record Multiply(double a, double b) implements CalculatorNextStep {}
