package dev.toolcase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface {@code X} as a prompt over a set of tools. The processor generates, in the
 * same package, {@code XNextStep} (the sealed union of the tools), {@code XTools} (schemas, tool
 * definitions and codecs) and {@code XHandler} (an exhaustive handler).
 *
 * <p>Each listed tool must be a {@link Tool} record in the same package that
 * {@code implements XNextStep}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Prompt {

  /**
   * The tools the model may choose from, in the order they are offered.
   *
   * @return the tool records
   */
  Class<? extends Record>[] tools();
}
