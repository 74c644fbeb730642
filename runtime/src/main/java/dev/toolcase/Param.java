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
  String value();
}
