package dev.toolcase.example.types;

import javax.annotation.processing.Generated;

/**
 * The next step the model may choose for {@link Kinds}: one of its tools.
 *
 * <p>Sealed, so a {@code switch} over it must handle every tool.
 */
@Generated(
    value = "dev.toolcase.processor.ToolcaseProcessor",
    comments = "https://github.com/toolcase/toolcase"
)
public sealed interface KindsNextStep permits Kinds.Scalars, Kinds.Boxes, Kinds.Structures, Kinds.Optionals, Kinds.Shapes, Kinds.Nothing {
}
