package dev.toolcase.example.calculator;

import dev.toolcase.FinalAnswer;
import dev.toolcase.Tool;

/** Ends the thread with the result. */
@Tool("Finish and tell the human the result")
public record DoneForNow(String message) implements CalculatorNextStep, FinalAnswer {}
