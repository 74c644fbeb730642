package dev.toolcase.example.catalogue;

import javax.annotation.processing.Generated;

/**
 * Handles each step of {@link Catalogue}. Implement one method per tool; {@link #handle}
 * dispatches with an exhaustive switch, so a new tool breaks every handler that
 * does not handle it.
 *
 * @param <R> what handling a step returns
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public interface CatalogueHandler<R> {
  /**
   * Handles {@link Catalogue.CalculateBmi} ({@code calculate_BMI}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R calculateBmi(Catalogue.CalculateBmi call);

  /**
   * Handles {@link Catalogue.GetWeather} ({@code getWeather}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R getWeather(Catalogue.GetWeather call);

  /**
   * Handles {@link Catalogue.FindAttractions} ({@code Travel_1_FindAttractions}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R findAttractions(Catalogue.FindAttractions call);

  /**
   * Handles {@link Catalogue.Factorial} ({@code math_factorial}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R factorial(Catalogue.Factorial call);

  /**
   * Handles {@link Catalogue.SendCode} ({@code 2fa}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R sendCode(Catalogue.SendCode call);

  /**
   * Handles {@link Catalogue.HttpRequest} ({@code http_request}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R httpRequest(Catalogue.HttpRequest call);

  /**
   * Handles {@link Catalogue.Filter} ({@code filter}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R filter(Catalogue.Filter call);

  /**
   * Handles {@link Catalogue.Hyphenated} ({@code a-b}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R hyphenated(Catalogue.Hyphenated call);

  /**
   * Handles {@link Catalogue.Underscored} ({@code a_b}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R underscored(Catalogue.Underscored call);

  /**
   * Handles {@link Catalogue.Reply} ({@code reply}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R reply(Catalogue.Reply call);

  /**
   * Dispatches {@code step} to the method of its tool.
   *
   * @param step the step
   * @return what its method returns
   */
  default R handle(CatalogueNextStep step) {
    return switch (step) {
      case Catalogue.CalculateBmi call -> calculateBmi(call);
      case Catalogue.GetWeather call -> getWeather(call);
      case Catalogue.FindAttractions call -> findAttractions(call);
      case Catalogue.Factorial call -> factorial(call);
      case Catalogue.SendCode call -> sendCode(call);
      case Catalogue.HttpRequest call -> httpRequest(call);
      case Catalogue.Filter call -> filter(call);
      case Catalogue.Hyphenated call -> hyphenated(call);
      case Catalogue.Underscored call -> underscored(call);
      case Catalogue.Reply call -> reply(call);
    };
  }
}
