package dev.toolcase.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics found while validating one element: gathered, rather than stopping at the
 * first, and printed once. A warning is left out where {@code @SuppressWarnings} on the element
 * or one that encloses it names its key.
 */
final class Report {

  private record Item(Message message, String text, Element element, AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  /** Records {@code message} on {@code element}. */
  void add(Element element, Message message, Object... args) {
    items.add(new Item(message, message.format(args), element, null, null));
  }

  /** Records {@code message} on an annotation of {@code element}, at {@code value} when known. */
  void add(Element element, AnnotationMirror mirror, AnnotationValue value, Message message,
      Object... args) {
    items.add(new Item(message, message.format(args), element, mirror, value));
  }

  /** Whether no error was recorded (warnings and notes do not count). */
  boolean isClean() {
    return items.stream().noneMatch(item -> item.message().kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every diagnostic that is not suppressed. */
  void printTo(Messager messager) {
    for (Item item : items) {
      if (suppressed(item)) {
        continue;
      }
      Diagnostic.Kind kind = item.message().kind();
      if (item.mirror() == null) {
        messager.printMessage(kind, item.text(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(kind, item.text(), item.element(), item.mirror());
      } else {
        messager.printMessage(kind, item.text(), item.element(), item.mirror(), item.value());
      }
    }
  }

  private static boolean suppressed(Item item) {
    String key = item.message().suppressionKey();
    if (key == null) {
      return false;
    }
    for (Element element = item.element(); element != null; element = element.getEnclosingElement()) {
      SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
      if (suppress != null && List.of(suppress.value()).contains(key)) {
        return true;
      }
    }
    return false;
  }
}
