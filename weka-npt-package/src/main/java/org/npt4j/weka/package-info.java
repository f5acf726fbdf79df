/**
 * What the Weka classifier needs around the core: the NPT settings as Weka properties (generated
 * from npt-core's settings) and options ({@link org.npt4j.weka.SettingOptions}), Weka instances as
 * an NPT table, progress for the Explorer and the command line, the ZeroR fallback, the
 * class-loader switch that lets DJL find its native library from an installed Weka package, and
 * DJL's log level.
 *
 * <p>Imports the core's public API and Weka; never {@code weka.classifiers.functions}, which
 * imports it.
 */
package org.npt4j.weka;
