package org.npt4j.core.inference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How strongly each predicted row attended to each context (training or validation) row, per ABD
 * layer and head: the post-softmax attention weights of attention between datapoints. A row also
 * attends to itself and to the other rows predicted in its batch, so its weights over the context
 * sum to at most 1. Context rows are numbered as in {@link NptModel#contextRows()}.
 *
 * @param layers the number of ABD layers
 * @param heads the number of heads per layer
 * @param contextRows the number of context rows
 * @param weights [row][layer][head][context row]
 */
public record AttentionMaps(int layers, int heads, int contextRows, float[][][][] weights) {

    /** @return the number of predicted rows */
    public int rowCount() {
        return weights.length;
    }

    /** @return every weight, [row][layer][head][context row], as a copy */
    @Override
    public float[][][][] weights() {
        return Arrays.stream(weights).map(r -> Arrays.stream(r).map(l -> Arrays.stream(l).map(float[]::clone)
                .toArray(float[][]::new)).toArray(float[][][]::new)).toArray(float[][][][]::new);
    }

    /**
     * @param row a predicted row
     * @param layer an ABD layer, from 0 (closest to the input)
     * @param head a head
     * @return the weights over the context rows (a copy)
     */
    public float[] weights(int row, int layer, int head) {
        return weights[row][layer][head].clone();
    }

    /**
     * @param row a predicted row
     * @param layer an ABD layer
     * @return the weights over the context rows averaged over heads
     */
    public double[] meanOverHeads(int row, int layer) {
        double[] out = new double[contextRows];
        for (int h = 0; h < heads; h++) {
            float[] w = weights[row][layer][h];
            for (int c = 0; c < contextRows; c++) {
                out[c] += w[c] / heads;
            }
        }
        return out;
    }

    /**
     * @param row a predicted row
     * @return the weights over the context rows averaged over all layers and heads
     */
    public double[] meanOverLayersAndHeads(int row) {
        double[] out = new double[contextRows];
        for (int l = 0; l < layers; l++) {
            double[] m = meanOverHeads(row, l);
            for (int c = 0; c < contextRows; c++) {
                out[c] += m[c] / layers;
            }
        }
        return out;
    }

    /**
     * @param weights weights over the context rows
     * @param k how many to return
     * @return the indices of the k largest weights, largest first (ties by lower index)
     */
    public static int[] topK(double[] weights, int k) {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -weights[c]).thenComparingInt(c -> c))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public String toString() {
        return "AttentionMaps[" + weights.length + " rows, " + layers + " ABD layers x " + heads + " heads over "
                + contextRows + " context rows]";
    }
}
