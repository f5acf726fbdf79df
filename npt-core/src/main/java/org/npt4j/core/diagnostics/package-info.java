/**
 * Diagnostics of a fitted NPT. {@link org.npt4j.core.diagnostics.ContextDependence} asks whether a
 * model's predictions use the other datapoints: it corrupts the context rows the model attends to
 * (the paper's section 4.3 test, as an API) and measures how far each prediction moves.
 *
 * <p>Imports {@code org.npt4j.core}, {@code table}, {@code encoding} and {@code inference}; nothing
 * imports it.
 */
package org.npt4j.core.diagnostics;
