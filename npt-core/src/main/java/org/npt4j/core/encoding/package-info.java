/**
 * From a table to the numbers NPT sees: the schema fitted on the training rows (standardisation of
 * numerical columns, the category list of categorical ones, which columns are targets) and the
 * encoded table, one value slot per class or number plus a mask bit per cell.
 *
 * <p>Imports {@code table} and {@code org.npt4j.core}; nothing that runs on a device.
 */
package org.npt4j.core.encoding;
