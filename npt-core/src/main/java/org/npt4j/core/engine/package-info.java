/**
 * What the core needs of DJL's PyTorch engine beyond its API: the engine and device choice,
 * gradient mode, reproducible MKL, native heap release, and helpers for large arrays. Internal
 * to the core.
 *
 * <p>Imports only {@code org.npt4j.core}.
 */
package org.npt4j.core.engine;
