package dev.toolcase.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Writes every generated file, the one way: with {@code @Generated} naming the processor, the
 * project's two-space indent, and the elements it is generated from as its origins, so an
 * incremental build (Gradle's, an IDE's) knows to regenerate it when the prompt or one of its
 * tools changes.
 */
final class Sources {

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final Filer filer;
  private final Messager messager;

  Sources(Filer filer, Messager messager) {
    this.filer = filer;
    this.messager = messager;
  }

  /** Writes {@code type} into {@code packageName}, generated from {@code origins}. */
  void write(String packageName, TypeSpec type, Element... origins) {
    TypeSpec annotated = type.toBuilder()
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", ToolcaseProcessor.class.getName())
            .build())
        .build();
    JavaFile file = JavaFile.builder(packageName, annotated)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    try (Writer writer = filer.createSourceFile(name, origins).openWriter()) {
      file.writeTo(writer);
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL.format(name, "could not write it: " + e), origins.length > 0 ? origins[0] : null);
    }
  }
}
