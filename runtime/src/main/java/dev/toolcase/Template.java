package dev.toolcase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The prompt template of a {@link Prompt} method. Variables are written {@code {{name}}}:
 *
 * <ul>
 *   <li>{@code {{role system}}}, {@code {{role user}}}, {@code {{role assistant}}} start a message;
 *   <li>{@code {{param}}} and {@code {{param.component}}} insert a method parameter or one of its
 *       record components;
 *   <li>{@code {{thread}}} inserts the rendered thread;
 *   <li>{@code {{output_format}}} inserts the answer instructions and the union's schema.
 * </ul>
 *
 * <p>The processor checks every variable at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Template {

  /**
   * The template text.
   *
   * @return the template text
   */
  String value();
}
