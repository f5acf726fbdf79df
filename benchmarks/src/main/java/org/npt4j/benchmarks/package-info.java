/**
 * The speed and memory harness: training-step time and peak memory per shape against the FLOP and
 * memory models, matMul throughput of the machine, native memory over long runs, per-op profiles,
 * and memory over a Tribuo cross-validation. Each shape runs in its own JVM. Also the parity check
 * against the NPT reference on its own split and settings ({@link org.npt4j.benchmarks.ReferenceParity}),
 * and NPT's imputation of missing cells beside mean/mode and k-nearest neighbours ({@link
 * org.npt4j.benchmarks.ImputationBenchmark}).
 *
 * <p>Runs on the class path and may reach the core's internal packages ({@code model},
 * {@code engine}) to measure them; nothing imports it.
 */
package org.npt4j.benchmarks;
