package dev.toolcase.example.types;

import javax.annotation.processing.Generated;

/**
 * The next step the model may choose for {@link Kinds}: one of its tools.
 *
 * <p>Sealed, so a {@code switch} over it must handle every tool.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public sealed interface KindsNextStep permits Kinds.Scalars, Kinds.Boxes, Kinds.Structures, Kinds.Optionals, Kinds.Shapes, Kinds.Nothing {
}
