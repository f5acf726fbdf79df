/**
 * NPT's settings, defined once: {@link org.npt4j.core.Settings} (each setting's name, type,
 * default, range, description and how adapters show it), {@link org.npt4j.core.NptConfig} (one
 * value per setting), {@link org.npt4j.core.Preset}s, and the exceptions that name a bad setting
 * or input.
 *
 * <p>Imports nothing else of npt4j: every other package may import this one.
 */
package org.npt4j.core;
