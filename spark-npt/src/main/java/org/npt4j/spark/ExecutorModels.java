package org.npt4j.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.inference.NptModel;

/**
 * The models an executor JVM has loaded from broadcasts, so that each broadcast model is read from
 * its bytes once per executor and thread count, not once per task or partition. Tasks share a
 * model: {@link NptModel} is immutable and predicts from many threads at once (each call sets its
 * own intra-op thread count on its own thread).
 *
 * <p>At most {@value #CAPACITY} models are kept; the least recently used one is dropped and closed,
 * which frees its native memory (after predictions in progress, which {@link NptModel#close()} waits
 * for; a task still holding a dropped model just loads its weights again). A model left idle frees
 * its native memory by itself after {@link NptModel#IDLE_RELEASE_PROPERTY}; what a cached model
 * keeps on the heap is its bytes and context.
 */
final class ExecutorModels {

    /** A few models at once: a job scoring with several models side by side, without piling up every model ever broadcast. */
    static final int CAPACITY = 4;

    private static final Map<String, NptModel> MODELS = new LinkedHashMap<>(8, 0.75f, true);
    /** Loads per broadcast key in this JVM, for tests that check a model is loaded once per executor. */
    private static final Map<String, Integer> LOADS = new HashMap<>();

    private ExecutorModels() {}

    /**
     * @param model a broadcast model
     * @param threads the intra-op threads each prediction runs on
     * @return the model, loaded on the first call for this broadcast and thread count in this JVM
     */
    static NptModel get(BroadcastModel model, int threads) {
        String key = model.key() + "/" + threads;
        List<NptModel> dropped = new ArrayList<>();
        NptModel out;
        // Loading under the lock makes concurrent tasks of one executor wait for the first load instead of each loading.
        synchronized (MODELS) {
            out = MODELS.get(key);
            if (out == null) {
                out = NptModel.fromBytes(model.bytes().value()).withThreads(threads);
                MODELS.put(key, out);
                LOADS.merge(model.key(), 1, Integer::sum);
                Iterator<NptModel> eldest = MODELS.values().iterator();
                while (MODELS.size() > CAPACITY) {
                    dropped.add(eldest.next());
                    eldest.remove();
                }
            }
        }
        // Closing waits for predictions in progress: not while holding the lock every task needs.
        dropped.forEach(NptModel::close);
        return out;
    }

    /**
     * @param broadcast a broadcast model's key
     * @return how many times this JVM has loaded the model of that broadcast (for tests)
     */
    static int loads(String broadcast) {
        synchronized (MODELS) {
            return LOADS.getOrDefault(broadcast, 0);
        }
    }
}
