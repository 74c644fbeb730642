package dev.toolcase.example.types;

import javax.annotation.processing.Generated;

/**
 * Handles each step of {@link Kinds}. Implement one method per tool; {@link #handle}
 * dispatches with an exhaustive switch, so a new tool breaks every handler that
 * does not handle it.
 *
 * @param <R> what handling a step returns
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public interface KindsHandler<R> {
  /**
   * Handles {@link Kinds.Scalars} ({@code scalars}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R scalars(Kinds.Scalars call);

  /**
   * Handles {@link Kinds.Boxes} ({@code boxes}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R boxes(Kinds.Boxes call);

  /**
   * Handles {@link Kinds.Structures} ({@code structures_tool}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R structures(Kinds.Structures call);

  /**
   * Handles {@link Kinds.Optionals} ({@code optionals}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R optionals(Kinds.Optionals call);

  /**
   * Handles {@link Kinds.Shapes} ({@code shapes}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R shapes(Kinds.Shapes call);

  /**
   * Handles {@link Kinds.Nothing} ({@code nothing}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R nothing(Kinds.Nothing call);

  /**
   * Dispatches {@code step} to the method of its tool.
   *
   * @param step the step
   * @return what its method returns
   */
  default R handle(KindsNextStep step) {
    return switch (step) {
      case Kinds.Scalars call -> scalars(call);
      case Kinds.Boxes call -> boxes(call);
      case Kinds.Structures call -> structures(call);
      case Kinds.Optionals call -> optionals(call);
      case Kinds.Shapes call -> shapes(call);
      case Kinds.Nothing call -> nothing(call);
    };
  }
}
