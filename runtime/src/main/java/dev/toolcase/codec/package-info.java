/**
 * For generated code: what the {@code XTools} classes the processor writes call at run time to
 * read and write JSON. Not an API for code written by hand; it changes with the processor.
 *
 * <p>Reading has two paths. The fast one streams strict JSON with {@link JsonReader} straight
 * into records, switching on property names, and gives up on anything that needs a repair or a
 * coercion. The other reads a {@link JsonValue} tree (strict, or found in prose and repaired by
 * the lenient reader) and converts it with {@link Decoder}, recording every repair and every
 * problem with its path. Both give the same value wherever the fast one succeeds.
 */
package dev.toolcase.codec;
