package dev.toolcase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record component (a tool argument) or an enum constant for the model. The text
 * becomes the {@code description} of the property in the generated JSON Schema.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Param {

  /**
   * The description, written for the model.
   *
   * @return the description
   */
  String value() default "";

  /**
   * The JSON name, when it differs from the Java name: a property such as {@code Content-Type},
   * or an enum value such as {@code >=} or {@code lightly active}. Schemas, readers and writers
   * use it; the Java name stays what it is.
   *
   * @return the JSON name, or empty for the Java name
   */
  String name() default "";

  /**
   * The value a component takes when the model gives {@code null} or nothing, written as the
   * model would write it ({@code "20"}, {@code "staging"}, {@code "true"}). The schema says so,
   * and lets the model send {@code null} for it.
   *
   * @return the default, or empty for none
   */
  String defaultValue() default "";
}
