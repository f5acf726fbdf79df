/**
 * What the Weka classifier needs around the core: the NPT settings as Weka properties (generated
 * from npt-core's settings) and options ({@link org.npt4j.weka.SettingOptions}), Weka instances as
 * an NPT table, progress for the Explorer, the ZeroR fallback, and the class-loader switch that
 * lets DJL find its native library from an installed Weka package.
 *
 * <p>Imports the core's public API and Weka; never {@code weka.classifiers.functions}, which
 * imports it.
 */
package org.npt4j.weka;
