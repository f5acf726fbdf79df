/**
 * The Non-Parametric Transformer on DJL's PyTorch engine, with no knowledge of Tribuo or Weka.
 *
 * <p>What a user of the core needs is exported: the settings and presets ({@code org.npt4j.core}),
 * tables and their readers ({@code table}), the fitted encoding of a table that a model carries
 * ({@code encoding}), training ({@code training}) and the fitted model with its predictions
 * ({@code inference}) and its diagnostics ({@code diagnostics}). The network and its blocks ({@code model}), masking, the loss, the
 * optimiser and the engine helpers are internal: they change with the implementation. Code on the
 * class path (the adapters' tests, the benchmarks harness) can still reach them; modules cannot.
 */
module org.npt4j.core {
    requires ai.djl.api;
    requires ai.djl.pytorch_engine;
    requires com.sun.jna;
    requires java.logging;
    requires org.apache.commons.csv;

    exports org.npt4j.core;
    exports org.npt4j.core.table;
    exports org.npt4j.core.encoding;
    exports org.npt4j.core.training;
    exports org.npt4j.core.inference;
    exports org.npt4j.core.diagnostics;
}
