package org.npt4j.experiments;

import java.io.Serializable;

/**
 * One sweep variant trained for one (split, trainer) apart from the others ({@link FoldWork#runVariant}):
 * the variant's model, to be chosen among its siblings by {@link FoldWork#runFromVariants}, or why its
 * training failed.
 *
 * @param model the trained NPT as {@code NptModel.toBytes()} gives it; empty when it failed
 * @param trainSeconds how long the variant trained
 * @param failure what went wrong, naming the trainer, the fold and the variant; null when it trained
 */
public record VariantOutput(byte[] model, double trainSeconds, String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @return whether the variant trained */
    public boolean ok() {
        return failure == null;
    }
}
