package dev.toolcase.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems found while validating one element. Gathers all of them rather than stopping at
 * the first; generation runs only for elements whose report is clean.
 */
final class Report {

  private record Item(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  /** Records an error on {@code element}. */
  void error(Element element, String message) {
    items.add(new Item(message, element, null, null));
  }

  /** Records an error on an annotation of {@code element}, at {@code value} when known. */
  void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    items.add(new Item(message, element, mirror, value));
  }

  /** Whether nothing is wrong. */
  boolean isClean() {
    return items.isEmpty();
  }

  /** Prints every error. */
  void printTo(Messager messager) {
    for (Item item : items) {
      if (item.mirror == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, item.message, item.element);
      } else if (item.value == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, item.message, item.element, item.mirror);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, item.message, item.element, item.mirror, item.value);
      }
    }
  }
}
