package dev.toolcase.example.catalogue;

import javax.annotation.processing.Generated;

/**
 * The next step the model may choose for {@link Catalogue}: one of its tools.
 *
 * <p>Sealed, so a {@code switch} over it must handle every tool.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public sealed interface CatalogueNextStep permits Catalogue.CalculateBmi, Catalogue.GetWeather, Catalogue.FindAttractions, Catalogue.Factorial, Catalogue.SendCode, Catalogue.HttpRequest, Catalogue.Filter, Catalogue.Hyphenated, Catalogue.Underscored, Catalogue.Reply {
}
