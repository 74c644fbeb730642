package dev.toolcase.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates, for each {@code @Prompt} interface {@code X}, the sealed union {@code XNextStep},
 * the schemas and codec {@code XTools}, and the exhaustive handler {@code XHandler}.
 *
 * <p>Pipeline: collect the round's elements; validate each tool once ({@link ToolValidator}) and
 * each prompt ({@link PromptValidator}) into a {@link Report}; model them as {@link PromptModel}s,
 * which stand in for what is broken; and generate from the models alone, through
 * {@link Sources}. An element whose types do not exist yet waits for the next round, and in the
 * last round the missing types are reported on the components that name them; a broken prompt
 * never stops the others, and an error in one tool does not stop its union being generated.
 */
@AutoService(Processor.class)
public final class ToolcaseProcessor extends AbstractProcessor {

  /** Prompts waiting for a type another processor (or this one) generates later, by name. */
  private final Set<String> deferredPrompts = new LinkedHashSet<>();
  /** Tools waiting likewise. */
  private final Set<String> deferredTools = new LinkedHashSet<>();
  /** Prompts whose union is written. */
  private final Set<String> unionsWritten = new HashSet<>();
  private ToolValidator toolValidator;
  private Sources sources;

  /** Creates the processor; javac calls {@link #init}. */
  public ToolcaseProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    toolValidator = new ToolValidator(processingEnv.getTypeUtils(), processingEnv.getMessager());
    sources = new Sources(processingEnv.getFiler(), processingEnv.getMessager());
  }

  /**
   * Toolcase's own annotations, all of them, the {@code @Generated} its output carries, and the
   * Bean Validation constraints it reads on tool components, so that all are claimed: javac's
   * {@code -Xlint:processing} warns of annotations no processor claims, and a user's build with
   * {@code -Xlint:all -Werror} must stay clean. (A processor that needs the constraints in its
   * own set of annotations, rather than asking the round for them, runs before this one.)
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.TOOL, Annotations.PROMPT, Annotations.TEMPLATE, Annotations.PARAM,
        Annotations.GENERATED, "jakarta.validation.constraints.*", "javax.validation.constraints.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    boolean lastRound = round.processingOver();
    Elements elements = processingEnv.getElementUtils();
    Map<String, TypeElement> tools = new LinkedHashMap<>();
    for (String name : deferredTools) {
      Optional.ofNullable(elements.getTypeElement(name)).ifPresent(t -> tools.put(name, t));
    }
    deferredTools.clear();
    TypeElement toolAnnotation = elements.getTypeElement(Annotations.TOOL);
    if (toolAnnotation != null) {
      for (Element tool : round.getElementsAnnotatedWith(toolAnnotation)) {
        ToolValidator.checkKind(tool, processingEnv.getMessager());
        if (tool.getKind() == ElementKind.RECORD) {
          tools.put(tool.toString(), (TypeElement) tool);
        }
      }
    }
    for (Map.Entry<String, TypeElement> tool : tools.entrySet()) {
      guarded(tool.getValue(), () -> {
        try {
          toolValidator.validate(tool.getValue(), lastRound);
        } catch (TypeReader.MissingType missing) {
          deferredTools.add(tool.getKey());
        }
      });
    }
    Map<String, TypeElement> prompts = new LinkedHashMap<>();
    for (String name : deferredPrompts) {
      Optional.ofNullable(elements.getTypeElement(name)).ifPresent(p -> prompts.put(name, p));
    }
    deferredPrompts.clear();
    TypeElement promptAnnotation = elements.getTypeElement(Annotations.PROMPT);
    if (promptAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(promptAnnotation)) {
        prompts.put(element.toString(), (TypeElement) element);
      }
    }
    for (TypeElement prompt : prompts.values()) {
      guarded(prompt, () -> processPrompt(prompt, lastRound));
    }
    return true;
  }

  private void processPrompt(TypeElement prompt, boolean lastRound) {
    Optional<AnnotationMirror> annotation = Annotations.find(prompt, Annotations.PROMPT);
    if (annotation.isEmpty()) {
      return;
    }
    Report report = new Report();
    Optional<PromptModel> model;
    String name = prompt.getQualifiedName().toString();
    try {
      model = new PromptValidator(processingEnv.getTypeUtils(), processingEnv.getElementUtils(),
          toolValidator, this::sourceText).validate(prompt, annotation.get(), report, lastRound,
              records -> writeUnion(prompt, records, lastRound));
    } catch (TypeReader.MissingType missing) {
      deferredPrompts.add(name);
      return;
    }
    report.printTo(processingEnv.getMessager());
    if (!lastRound) {
      // Files of the last round are not compiled in time to be of use; its errors are reported.
      model.ifPresent(m -> generate(m, prompt));
    }
  }

  /** Writes {@code XNextStep}, once per prompt: it may come a round before the other files. */
  private void writeUnion(TypeElement prompt, List<TypeElement> records, boolean lastRound) {
    if (lastRound || !unionsWritten.add(prompt.getQualifiedName().toString())) {
      return;
    }
    ClassName type = ClassName.get(prompt);
    ClassName union = ClassName.get(type.packageName(), type.simpleName() + "NextStep");
    List<Element> origins = new ArrayList<>(List.of(prompt));
    origins.addAll(records);
    sources.write(type.packageName(),
        Generators.union(type, union, records.stream().map(ClassName::get).toList()),
        origins.toArray(Element[]::new));
  }

  /** Writes the other three files of a prompt, each with the prompt and its tools as origins. */
  private void generate(PromptModel model, TypeElement prompt) {
    List<Element> origins = new ArrayList<>();
    origins.add(prompt);
    for (ToolModel tool : model.tools()) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(tool.type().canonicalName()))
          .ifPresent(origins::add);
    }
    Element[] from = origins.toArray(Element[]::new);
    String pkg = model.type().packageName();
    sources.write(pkg, Generators.tools(model), from);
    sources.write(pkg, Generators.handler(model), from);
    sources.write(pkg, PromptsGenerator.prompts(model), from);
  }

  /**
   * The source text of an annotation value, from javac's trees; its {@code toString()} where
   * another compiler runs the processor.
   */
  private String sourceText(Element element, AnnotationMirror annotation, AnnotationValue value) {
    try {
      TreePath path = Trees.instance(processingEnv).getPath(element, annotation, value);
      if (path != null) {
        return path.getLeaf().toString();
      }
    } catch (IllegalArgumentException e) {
      // not javac
    }
    return value.toString();
  }

  /** Runs {@code work} on {@code element}; a bug of the processor is reported there, not thrown. */
  private void guarded(Element element, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL.format(element.getSimpleName(), trace), element);
    }
  }
}
