package dev.toolcase.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates, for each {@code @Prompt} interface {@code X}, the sealed union {@code XNextStep},
 * the schemas and codec {@code XTools}, and the exhaustive handler {@code XHandler}.
 *
 * <p>Pipeline: collect the round's elements, validate each into a {@link Report}, model the
 * valid ones as {@link PromptModel}s, and generate from the models alone. A prompt whose types
 * do not exist yet waits for the next round; a broken prompt never stops the others.
 */
@AutoService(Processor.class)
public final class ToolcaseProcessor extends AbstractProcessor {

  /** Prompts waiting for a type another processor (or this one) generates later, by name. */
  private final Map<String, String> deferred = new LinkedHashMap<>();

  /** Creates the processor; javac calls {@link #init}. */
  public ToolcaseProcessor() {}

  /**
   * Toolcase's own annotations, all of them, and the {@code @Generated} its output carries, so
   * that all are claimed: javac's {@code -Xlint:processing} warns of annotations no processor
   * claims, and a user's build with {@code -Xlint:all -Werror} must stay clean.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.TOOL, Annotations.PROMPT, Annotations.TEMPLATE, Annotations.PARAM,
        Annotations.GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement toolAnnotation = processingEnv.getElementUtils().getTypeElement(Annotations.TOOL);
    TypeElement promptAnnotation = processingEnv.getElementUtils().getTypeElement(Annotations.PROMPT);
    if (toolAnnotation != null) {
      checkTools(round.getElementsAnnotatedWith(toolAnnotation));
    }
    Map<String, TypeElement> prompts = new LinkedHashMap<>();
    for (String name : deferred.keySet()) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        prompts.put(name, element);
      }
    }
    deferred.clear();
    if (promptAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(promptAnnotation)) {
        prompts.put(element.toString(), (TypeElement) element);
      }
    }
    for (TypeElement prompt : prompts.values()) {
      processPrompt(prompt);
    }
    if (round.processingOver()) {
      reportStillMissing();
    }
    return true;
  }

  private void checkTools(Set<? extends Element> tools) {
    for (Element tool : tools) {
      if (tool.getKind() != ElementKind.RECORD) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Messages.toolNotRecord(tool.getSimpleName().toString(), PromptValidator.kindOf(tool)),
            tool);
      }
    }
  }

  private void processPrompt(TypeElement prompt) {
    Messager messager = processingEnv.getMessager();
    try {
      Optional<AnnotationMirror> annotation = Annotations.find(prompt, Annotations.PROMPT);
      if (annotation.isEmpty()) {
        return;
      }
      Report report = new Report();
      Optional<PromptModel> model;
      try {
        model = new PromptValidator(processingEnv.getTypeUtils(), processingEnv.getElementUtils())
            .validate(prompt, annotation.get(), report);
      } catch (TypeReader.MissingType missing) {
        deferred.put(prompt.getQualifiedName().toString(), missing.getMessage());
        return;
      }
      report.printTo(messager);
      model.ifPresent(m -> generate(m, prompt));
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      messager.printMessage(Diagnostic.Kind.ERROR,
          Messages.unexpected(prompt.getSimpleName().toString(), trace.toString()), prompt);
    }
  }

  private void generate(PromptModel model, TypeElement prompt) {
    for (JavaFile file : List.of(Generators.union(model), Generators.tools(model), Generators.handler(model),
        PromptsGenerator.prompts(model))) {
      write(file, prompt);
    }
  }

  /** Writes one generated file, with its originating element for incremental builds. */
  private void write(JavaFile file, TypeElement origin) {
    Filer filer = processingEnv.getFiler();
    String name = file.packageName().isEmpty()
        ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    try (Writer writer = filer.createSourceFile(name, origin).openWriter()) {
      file.writeTo(writer);
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[Internal] Could not write " + name + ": " + e.getMessage(), origin);
    }
  }

  private void reportStillMissing() {
    for (Map.Entry<String, String> entry : deferred.entrySet()) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(entry.getKey());
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Messages.stillMissing(entry.getKey(), entry.getValue()), element);
    }
    deferred.clear();
  }
}
