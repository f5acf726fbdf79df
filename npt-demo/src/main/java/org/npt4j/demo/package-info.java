/**
 * The core-only demo: NPT trained on the bundled Breast Cancer data with npt-core alone, the
 * readers of the bundled data sets (found through {@code npt4j.data} or the working directory),
 * and the few metrics the demo prints. Kept out of the library so that the core carries no
 * file-system conventions and no evaluation code.
 *
 * <p>Imports the core's public API only.
 */
package org.npt4j.demo;
