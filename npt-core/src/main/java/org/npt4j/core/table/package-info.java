/**
 * Tables as users hand them to NPT: named numerical and categorical columns with missing cells,
 * the CSV and ARFF readers that type columns by content, and the role of each row in training
 * (train, validation, test).
 *
 * <p>Imports only {@code org.npt4j.core} (its input exception) and, for CSV parsing, Commons CSV.
 */
package org.npt4j.core.table;
